package org.sharedict.rota.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Microsoft's own Adaptive Card schema (draft-06, from the npm package adaptivecards-designer; origin
 * and licence in src/test/resources/schemas/README.md), loaded once.
 */
public final class AdaptiveCards {

    private static final JsonSchema OFFICIAL = load("/schemas/adaptive-card-official-designer-2.4.4.json");

    private AdaptiveCards() {}

    private static JsonSchema load(String resource) {
        try (InputStream in = AdaptiveCards.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the test class path");
            }
            ObjectNode schema = (ObjectNode) new ObjectMapper().readTree(in);
            // The file names itself with draft-04's "id" although it declares draft-06, whose keyword is
            // "$id"; the validator refuses the stray keyword. It only names the document, so it goes.
            schema.remove("id");
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V6).getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the official schema finds wrong with a card (the attachment's {@code content}); empty when valid. */
    public static Set<ValidationMessage> problems(JsonNode card) {
        return OFFICIAL.validate(card);
    }

    /** Every card in a Teams Workflows message passes the official schema. */
    public static void assertEveryCardValid(JsonNode message) {
        assertTrue(message.path("attachments").size() > 0, message.toString());
        for (JsonNode attachment : message.path("attachments")) {
            Set<ValidationMessage> problems = problems(attachment.path("content"));
            assertTrue(problems.isEmpty(), problems + " in " + attachment.path("content"));
        }
    }
}
