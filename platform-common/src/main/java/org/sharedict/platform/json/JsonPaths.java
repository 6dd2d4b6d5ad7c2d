package org.sharedict.platform.json;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

/**
 * Where in a JSON document something is, in the words a problem's {@code errors[].field} uses
 * ({@code layers[0].members[2]}). Jackson reports a number too long to read without saying where it
 * was; this finds it by reading the same bytes again with no limit on number length (only the
 * tokens are read, the number is never converted).
 */
public final class JsonPaths {

    private static final JsonFactory UNLIMITED_NUMBERS = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNumberLength(Integer.MAX_VALUE)
                    .build())
            .build();

    private JsonPaths() {}

    /** The path of the first number with more than {@code maxDigits} characters, or null when there is none or the text is not JSON. */
    public static String firstLongNumber(byte[] json, int maxDigits) {
        try (JsonParser p = UNLIMITED_NUMBERS.createParser(json)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t.isNumeric() && p.getTextLength() > maxDigits) {
                    String path = path(p.getParsingContext());
                    return path.isEmpty() ? "body" : path;
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    /** {@code a.b[0].c} for the value the context is at. */
    static String path(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.push("." + c.getCurrentName());
            } else if (c.inArray()) {
                parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            }
        }
        String joined = String.join("", parts);
        return joined.startsWith(".") ? joined.substring(1) : joined;
    }
}
