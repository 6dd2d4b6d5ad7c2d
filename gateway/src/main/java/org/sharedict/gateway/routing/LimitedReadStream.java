package org.sharedict.gateway.routing;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/** A request body passed on only up to a size; beyond it the stream fails, which stops the upload to the service. */
final class LimitedReadStream implements ReadStream<Buffer> {

    static final class TooLarge extends RuntimeException {
        TooLarge(long limit) {
            super("request body larger than " + limit + " bytes", null, false, false);
        }
    }

    private final ReadStream<Buffer> delegate;
    private final long limit;
    private final Runnable onExceeded;
    private Handler<Throwable> exceptionHandler;
    private long seen;
    private boolean exceeded;

    LimitedReadStream(ReadStream<Buffer> delegate, long limit, Runnable onExceeded) {
        this.delegate = delegate;
        this.limit = limit;
        this.onExceeded = onExceeded;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        delegate.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (handler == null) {
            delegate.handler(null);
            return this;
        }
        delegate.handler(chunk -> {
            if (exceeded) {
                return;
            }
            seen += chunk.length();
            if (seen > limit) {
                exceeded = true;
                onExceeded.run();
                if (exceptionHandler != null) {
                    exceptionHandler.handle(new TooLarge(limit));
                }
                return;
            }
            handler.handle(chunk);
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        delegate.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        delegate.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        delegate.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        delegate.endHandler(v -> {
            if (!exceeded && endHandler != null) {
                endHandler.handle(v);
            }
        });
        return this;
    }
}
