package org.sharedict.uitests;

import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

/** Finding an item in an API list answer. */
final class JsonNodes {

    record Item(JsonNode node) {
        long id() {
            return node.get("id").asLong();
        }
    }

    private JsonNodes() {}

    static Item first(JsonNode items, Predicate<JsonNode> test) {
        for (JsonNode n : items) {
            if (test.test(n)) {
                return new Item(n);
            }
        }
        throw new IllegalStateException("no item matches in " + items);
    }
}
