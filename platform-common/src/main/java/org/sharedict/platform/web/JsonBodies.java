package org.sharedict.platform.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.annotation.Annotation;
import java.util.Map;

import jakarta.annotation.Nullable;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;

import org.sharedict.platform.json.JsonPaths;
import org.sharedict.platform.problem.ProblemException;

/**
 * Every request body read into an API type is JSON, is there, and names what is wrong with it:
 * <ul>
 * <li>a body in another media type is a 415, wherever the resource left out {@code @Consumes}
 * (Quarkus REST would otherwise build a one-text-field record from {@code text/plain} as it is);
 * <li>an empty body or the JSON {@code null} is a 400 naming {@code body}, unless the parameter is
 * marked {@code @Nullable} (the approval note): then leaving the body out is fine, {@code null} is not;
 * <li>a number too long to read (over 1,000 digits) is a 400 naming its field, which Jackson's
 * own failure does not.
 * </ul>
 * Bodies read as text, bytes or streams (CSV imports) are left to their resources.
 */
@Provider
public class JsonBodies implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Class<?> type = context.getType();
        if (type == String.class
                || type == byte[].class
                || InputStream.class.isAssignableFrom(type)
                || Reader.class.isAssignableFrom(type)) {
            return context.proceed();
        }
        MediaType media = context.getMediaType();
        if (media != null && !json(media)) {
            throw ProblemException.of(
                    415,
                    "unsupported-media-type",
                    "Unsupported media type",
                    "This operation reads application/json, not " + media.getType() + "/" + media.getSubtype(),
                    Map.of("header", "Content-Type"));
        }
        byte[] sent = context.getInputStream().readAllBytes();
        context.setInputStream(new ByteArrayInputStream(sent));
        Object body;
        try {
            body = context.proceed();
        } catch (IOException | RuntimeException e) {
            String field = tooLongNumber(e) ? JsonPaths.firstLongNumber(sent, 1000) : null;
            if (field != null) {
                throw ProblemException.invalid(field, "is too long a number: at most 1000 digits");
            }
            throw e;
        }
        if (body == null) {
            if (!optional(context.getAnnotations())) {
                throw ProblemException.invalid("body", "a request body is required");
            }
            if (hasContent(sent)) {
                throw ProblemException.invalid("body", "must be a JSON object, or left out altogether; not null");
            }
        }
        return body;
    }

    private static boolean json(MediaType media) {
        return media.isWildcardType()
                || "json".equalsIgnoreCase(media.getSubtype())
                || media.getSubtype().toLowerCase().endsWith("+json");
    }

    private static boolean tooLongNumber(Throwable e) {
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof StreamConstraintsException c) {
                return String.valueOf(c.getMessage()).startsWith("Number value length");
            }
        }
        return false;
    }

    private static boolean hasContent(byte[] sent) {
        for (byte b : sent) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return true;
            }
        }
        return false;
    }

    private static boolean optional(Annotation[] annotations) {
        if (annotations != null) {
            for (Annotation a : annotations) {
                if (a instanceof Nullable) {
                    return true;
                }
            }
        }
        return false;
    }
}
