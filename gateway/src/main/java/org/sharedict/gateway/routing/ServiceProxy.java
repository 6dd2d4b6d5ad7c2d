package org.sharedict.gateway.routing;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import io.quarkus.logging.Log;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.CircuitBreakerState;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.OriginRequestProvider;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

import org.sharedict.gateway.platform.ProblemResponses;
import org.sharedict.platform.problem.Problem;
import org.sharedict.platform.web.LogSafe;

/**
 * One service behind the gateway: a Vert.x reverse proxy (vertx-http-proxy) over a connection pool
 * to it, with the route's timeouts, body limit and a circuit breaker. Only failures to reach the
 * service (refused or reset connections, timeouts) count against the breaker; whatever status the
 * service answers, 5xx included, is its answer and passes through.
 *
 * <p>A pooled connection can be closed by the service just as it is reused (the close and the
 * request cross on the wire), and the request is lost before the service reads it. Two defences,
 * as nginx and Envoy have them: the pool lets idle connections go sooner than any service would
 * ({@code keep-alive-timeout}), and a request without a body whose method is idempotent is sent once
 * more, on a new connection, when its connection was closed or reset before any answer came.
 * Nothing else is sent twice: a POST might have been acted on.
 */
public final class ServiceProxy {

    private static final String TOO_LARGE = "sharedict.body-too-large";
    private static final String RESENT = "sharedict.resent";
    /** Methods RFC 9110 calls idempotent: sending one twice has the effect of sending it once. */
    private static final Set<HttpMethod> IDEMPOTENT =
            Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.PUT, HttpMethod.DELETE);

    private final RouteTable.Target target;
    private final HttpClient client;
    /** For a request sent again: never a pooled connection, which the service may have closed as well. */
    private final HttpClient fresh;

    private final OriginRequestProvider origins;
    private final CircuitBreaker breaker;
    private final String host;
    private final int port;
    private final boolean ssl;
    private final String origin;
    private final Vertx vertx;

    public ServiceProxy(Vertx vertx, RouteTable.Target target) {
        this.target = target;
        this.vertx = vertx;
        URI url = target.url();
        this.ssl = url.getScheme().equals("https");
        this.host = url.getHost();
        this.port = url.getPort() > 0 ? url.getPort() : (ssl ? 443 : 80);
        this.origin = url.getScheme() + "://" + url.getRawAuthority();
        var c = target.config();
        this.client = vertx.createHttpClient(
                new HttpClientOptions()
                        .setKeepAlive(true)
                        .setKeepAliveTimeout(
                                (int) Math.max(1, c.keepAliveTimeout().toSeconds()))
                        .setConnectTimeout((int) c.connectTimeout().toMillis())
                        .setDecompressionSupported(false)
                        .setTryUseCompression(false)
                        .setSsl(ssl),
                new PoolOptions().setHttp1MaxSize(c.maxConnections()).setCleanerPeriod(250));
        this.fresh = vertx.createHttpClient(
                new HttpClientOptions()
                        .setKeepAlive(false)
                        .setConnectTimeout((int) c.connectTimeout().toMillis())
                        .setDecompressionSupported(false)
                        .setTryUseCompression(false)
                        .setSsl(ssl),
                new PoolOptions().setHttp1MaxSize(c.maxConnections()));
        this.breaker = CircuitBreaker.create(
                "gateway-" + target.name(),
                vertx,
                new CircuitBreakerOptions()
                        .setMaxFailures(c.circuitBreaker().failures())
                        .setFailuresRollingWindow(c.circuitBreaker().window().toMillis())
                        .setResetTimeout(c.circuitBreaker().reset().toMillis())
                        .setTimeout(-1)
                        .setNotificationAddress(null));
        this.origins = pc -> (pc.get(RESENT, Boolean.class) == null ? client : fresh)
                .request(new RequestOptions()
                        .setHost(host)
                        .setPort(port)
                        .setSsl(ssl)
                        .setConnectTimeout(c.connectTimeout().toMillis())
                        .setIdleTimeout(c.timeout().toMillis()));
    }

    public RouteTable.Target target() {
        return target;
    }

    public String name() {
        return target.name();
    }

    public CircuitBreakerState circuit() {
        return breaker.state();
    }

    /**
     * Passes the request on as {@code path} (the normalised path that was matched) and its query; the
     * request headers must already be as the service should see them. A proxy per request is a few
     * small objects; it carries the matched path to the interceptor, which sees only the proxy's context.
     */
    public void handle(HttpServerRequest request, String path) {
        HttpProxy.reverseProxy(client)
                .origin(origins)
                .addInterceptor(new Interceptor(path))
                .handle(request);
    }

    /** A GET of one of the service's own paths (health, OpenAPI) for the aggregated views. */
    public Future<Fetched> fetch(String pathAndQuery, Duration timeout) {
        return fetchOnce(client, pathAndQuery, timeout)
                .recover(e -> connectionLost(e) ? fetchOnce(fresh, pathAndQuery, timeout) : Future.failedFuture(e));
    }

    private Future<Fetched> fetchOnce(HttpClient via, String pathAndQuery, Duration timeout) {
        return via.request(new RequestOptions()
                        .setMethod(HttpMethod.GET)
                        .setHost(host)
                        .setPort(port)
                        .setSsl(ssl)
                        .setURI(pathAndQuery)
                        .setConnectTimeout(timeout.toMillis())
                        .setIdleTimeout(timeout.toMillis())
                        .putHeader("Accept", "application/json"))
                .compose(req ->
                        req.send().compose(resp -> resp.body().map(body -> new Fetched(resp.statusCode(), body))));
    }

    /** The connection was closed or reset under the request: not a refusal, not a timeout. */
    static boolean connectionLost(Throwable e) {
        return e instanceof HttpClosedException || (e instanceof IOException && !(e instanceof ConnectException));
    }

    public record Fetched(int status, Buffer body) {}

    public void close() {
        client.close();
        fresh.close();
        breaker.close();
    }

    private final class Interceptor implements ProxyInterceptor {

        private final String path;

        Interceptor(String path) {
            this.path = path;
        }

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext pc) {
            HttpServerRequest incoming = pc.request().proxiedRequest();
            // What was matched is what the service sees: the normalised path (no "..", no "//").
            String query = incoming.query();
            pc.request().setURI(path + (query == null ? "" : "?" + query));
            long limit = target.config().maxBodySize().asLongValue();
            boolean resendable = IDEMPOTENT.contains(incoming.method()) && hasNoBody(incoming);
            Body body = pc.request().getBody();
            if (resendable) {
                // Nothing to stream, so nothing used up: the request can be sent again as it was.
                pc.request().setBody(null);
                incoming.resume();
            } else if (body != null && body.length() < 0) {
                pc.request()
                        .setBody(Body.body(
                                new LimitedReadStream(body.stream(), limit, () -> pc.set(TOO_LARGE, Boolean.TRUE)),
                                -1));
            }
            return breaker.<ProxyResponse>execute(promise -> send(pc, resendable)
                            .onComplete(ar -> {
                                if (ar.failed() && Boolean.TRUE.equals(pc.get(TOO_LARGE, Boolean.class))) {
                                    // The client's fault, not the service's: answered without counting a failure.
                                    promise.complete(null);
                                } else {
                                    promise.handle(ar);
                                }
                            }))
                    .transform(ar -> {
                        if (ar.succeeded() && ar.result() != null) {
                            return Future.succeededFuture(ar.result());
                        }
                        return Future.succeededFuture(
                                problem(pc, ar.succeeded() ? new LimitedReadStream.TooLarge(limit) : ar.cause()));
                    });
        }

        private Future<ProxyResponse> send(ProxyContext pc, boolean resendable) {
            Future<ProxyResponse> first = pc.sendRequest();
            if (!resendable) {
                return first;
            }
            return first.recover(e -> {
                if (!connectionLost(e)
                        || pc.request().proxiedRequest().response().closed()) {
                    return Future.failedFuture(e);
                }
                Log.debugf(
                        "%s %s: %s closed the connection before answering (%s); sending it again on a new one",
                        pc.request().getMethod(), pc.request().getURI(), target.name(), e.toString());
                pc.set(RESENT, Boolean.TRUE);
                return pc.sendRequest();
            });
        }

        private static boolean hasNoBody(HttpServerRequest request) {
            String length = request.getHeader("Content-Length");
            return request.getHeader("Transfer-Encoding") == null
                    && (length == null || length.trim().equals("0"));
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext pc) {
            ProxyResponse r = pc.response();
            HopByHop.stripResponse(r.headers());
            // The gateway already answers with the request's ID; the service's echo would repeat it.
            r.headers().remove("X-Request-Id");
            for (String name : new String[] {"location", "content-location"}) {
                String v = r.headers().get(name);
                if (v != null && v.startsWith(origin)) {
                    // The service made an absolute URL of its own address; the client can only reach the gateway.
                    String rest = v.substring(origin.length());
                    r.putHeader(name, rest.isEmpty() ? "/" : rest);
                }
            }
            return pc.sendResponse();
        }

        private ProxyResponse problem(ProxyContext pc, Throwable failure) {
            HttpServerRequest incoming = pc.request().proxiedRequest();
            Problem p;
            Map<String, String> headers;
            if (failure instanceof LimitedReadStream.TooLarge) {
                p = new Problem(
                        "payload-too-large",
                        "Request too large",
                        413,
                        "The request body is larger than the "
                                + target.config().maxBodySize().asLongValue() + " bytes accepted for " + target.name());
                headers = Map.of("Connection", "close");
                // Read and drop the rest of the upload before closing, so that the client reads the answer
                // rather than a reset; a client that keeps sending is cut off after a few seconds.
                incoming.response().endHandler(v -> {
                    if (incoming.isEnded()) {
                        incoming.connection().close();
                    } else {
                        incoming.endHandler(e -> incoming.connection().close());
                        vertx.setTimer(5_000, t -> incoming.connection().close());
                    }
                });
            } else if (failure instanceof OpenCircuitException) {
                long seconds =
                        Math.max(1, target.config().circuitBreaker().reset().toSeconds());
                p = new Problem(
                                "dependency-unavailable",
                                "Service unavailable",
                                503,
                                target.name()
                                        + " is failing, so requests to it are paused for a moment; try again shortly")
                        .with("service", target.name())
                        .with("circuit", "open");
                headers = Map.of("Retry-After", Long.toString(seconds));
            } else {
                boolean timedOut = failure instanceof TimeoutException
                        || String.valueOf(failure.getMessage()).contains("timeout")
                        || failure.getClass().getSimpleName().contains("Timeout");
                String why = timedOut
                        ? "did not answer within " + target.config().timeout().toMillis() + " ms"
                        : "cannot be reached";
                Log.warnf(
                        "%s %s: %s %s (%s)",
                        incoming.method(), LogSafe.uri(incoming.path()), target.name(), why, failure.toString());
                p = new Problem(
                                "dependency-unavailable",
                                "Service unavailable",
                                503,
                                target.name() + " " + why + "; other parts of the platform keep working")
                        .with("service", target.name());
                headers = Map.of();
            }
            if (pc.request().getBody() == null) {
                // release() resumes the body it was given; a request without one gets an empty one.
                pc.request().setBody(Body.body(Buffer.buffer()));
            }
            ProxyResponse response = pc.request()
                    .release()
                    .response()
                    .setStatusCode(p.status)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .setBody(Body.body(Buffer.buffer(ProblemResponses.body(incoming, p))));
            headers.forEach(response::putHeader);
            return response;
        }
    }
}
