package org.sharedict.platform.json;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class JsonPathsTest {

    private static final String LONG = "9".repeat(1_001);

    private static String at(String json) {
        return JsonPaths.firstLongNumber(json.getBytes(StandardCharsets.UTF_8), 1_000);
    }

    @Test
    void aNumberTooLongToReadIsFoundWhereverItIs() {
        assertEquals("planId", at("{\"name\":\"x\",\"planId\":" + LONG + "}"));
        assertEquals("layers[0].members[2]", at("{\"layers\":[{\"members\":[1,2," + LONG + "]}]}"));
        assertEquals("steps[1].minutes", at("{\"steps\":[{\"minutes\":5},{\"minutes\":-" + LONG + "}]}"));
        assertEquals("body", at(LONG));
        assertEquals("[1]", at("[1," + LONG + ".5]"));
    }

    @Test
    void nothingIsFoundWhereEveryNumberIsShortEnoughOrTheTextIsNotJson() {
        assertNull(at("{\"planId\":" + "9".repeat(1_000) + "}"));
        assertNull(at("{\"planId\":"));
        assertNull(at("[".repeat(2_000) + LONG));
    }
}
