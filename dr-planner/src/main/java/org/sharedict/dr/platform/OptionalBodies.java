package org.sharedict.dr.platform;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;

import jakarta.annotation.Nullable;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import org.sharedict.platform.problem.ProblemException;

/**
 * A body marked {@code @Nullable} (the approval note, a new template version) may be left out,
 * but a body that is there must be an object: the JSON {@code null} reads as no body at all, so it
 * is told apart here by whether anything but white space was sent, and refused naming the body.
 */
@Provider
public class OptionalBodies implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!optional(context.getAnnotations())) {
            return context.proceed();
        }
        Watched body = new Watched(context.getInputStream());
        context.setInputStream(body);
        Object read = context.proceed();
        if (read == null && body.sawContent) {
            throw ProblemException.invalid("body", "must be a JSON object, or left out altogether; not null");
        }
        return read;
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

    /** Notes whether anything but white space passes through. */
    private static final class Watched extends FilterInputStream {

        boolean sawContent;

        Watched(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            note(b);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            for (int i = 0; i < n && !sawContent; i++) {
                note(buffer[offset + i]);
            }
            return n;
        }

        private void note(int b) {
            if (b >= 0 && b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                sawContent = true;
            }
        }
    }
}
