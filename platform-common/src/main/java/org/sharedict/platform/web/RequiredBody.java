package org.sharedict.platform.web;

import java.io.IOException;
import java.lang.annotation.Annotation;

import jakarta.annotation.Nullable;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import org.sharedict.platform.problem.ProblemException;

/**
 * A request body is required unless its parameter is marked {@code @Nullable}: an empty body or
 * the JSON {@code null} is a 400 naming {@code body}, wherever the resource forgot {@code @NotNull}
 * (which would otherwise reach the service as null and end in a 500).
 */
@Provider
public class RequiredBody implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Object body = context.proceed();
        if (body == null && !optional(context.getAnnotations())) {
            throw ProblemException.invalid("body", "a request body is required");
        }
        return body;
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
