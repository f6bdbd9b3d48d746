package io.infrasystem.gateway.proxy;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A request body stream that fails with {@link TooLarge} as soon as more than {@code cap} bytes have
 * passed, for bodies whose size is not declared ({@code Transfer-Encoding: chunked}). Vert.x HTTP
 * Proxy then resets the request to the service (it never sees a truncated body), and the edge
 * answers 413. Bytes after the cap are dropped, never buffered.
 */
final class CappedBody implements ReadStream<Buffer> {

    /** The failure raised when the cap is passed. */
    static final class TooLarge extends RuntimeException {
        TooLarge(long cap) {
            super("request body larger than " + cap + " bytes", null, false, false);
        }
    }

    private final ReadStream<Buffer> source;
    private final long cap;
    private long seen;
    private boolean exceeded;
    private Handler<Throwable> exceptionHandler;

    CappedBody(ReadStream<Buffer> source, long cap) {
        this.source = source;
        this.cap = cap;
    }

    /** @return whether the cap was passed */
    boolean exceeded() {
        return exceeded;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        source.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (handler == null) {
            source.handler(null);
            return this;
        }
        source.handler(buffer -> {
            if (exceeded) {
                return;
            }
            seen += buffer.length();
            if (seen > cap) {
                exceeded = true;
                if (exceptionHandler != null) {
                    exceptionHandler.handle(new TooLarge(cap));
                }
                return;
            }
            handler.handle(buffer);
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        source.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        source.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        source.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        source.endHandler(endHandler);
        return this;
    }
}
