package org.sharedict.platform.web;

import jakarta.ws.rs.BadRequestException;

/**
 * A query, path, header or cookie parameter that cannot be read as its type. A
 * {@link BadRequestException}, so JAX-RS passes it on as it is (it would wrap anything else in a
 * 404 that names nothing), and the problem mappers answer {@code bad-parameter} naming it.
 */
public class BadParameterException extends BadRequestException {

    private final String parameter;
    private final String rejected;

    public BadParameterException(String parameter, String message, String rejected) {
        super(message);
        this.parameter = parameter;
        this.rejected = rejected;
    }

    public String parameter() {
        return parameter;
    }

    public String rejected() {
        return rejected;
    }
}
