package org.sharedict.fuzz;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** What the platform answered to one request; status 0 when nothing came back in time. */
record Answer(int status, HttpHeaders headers, byte[] body, long millis, String failure) {

    static Answer none(long millis, String failure) {
        return new Answer(0, HttpHeaders.of(java.util.Map.of(), (a, b) -> true), new byte[0], millis, failure);
    }

    /** The media type without parameters, lower case; empty when none was sent. */
    String mediaType() {
        String type = headers.firstValue("Content-Type").orElse("");
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    boolean success() {
        return status >= 200 && status < 300;
    }

    boolean rejected() {
        return status >= 400;
    }
}
