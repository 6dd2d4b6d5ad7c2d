package org.sharedict.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.quarkus.test.junit.callback.QuarkusTestBeforeClassCallback;
import io.restassured.RestAssured;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Holds a service's tests to the service's own contract: every answer REST Assured receives on an
 * {@code /api} path is checked against the OpenAPI document the service under test serves at
 * {@code /q/openapi}. The status must be documented for that operation, and the media type, the
 * body and the documented headers must match what the document says. Requests are not checked:
 * tests send bad input on purpose. A path or method the document does not have may only answer
 * 404 or 405. CORS preflights (the CORS filter's answer about an operation) are not checked.
 *
 * <p>It is on in every {@code @QuarkusTest} of every module that has platform-testing on its test
 * class path: the callback is registered through {@code META-INF/services}, and runs inside the
 * application's class loader, where the test's own REST Assured lives. A drift between code and
 * document fails the test that met it. The document is read once per running application (per
 * port), on its first checked answer.
 *
 * <p>A module whose document is not yet true can switch the check off, for the time it takes to
 * make it true, with the system property {@code sharedict.openapi-contract=off} in its surefire
 * configuration. No module should keep that line.
 *
 * <p>{@code sharedict.openapi-contract.paths} (comma-separated path prefixes, default {@code /api})
 * narrows the check to the module's own operations where other paths answer from stand-ins whose
 * documents are not the real services' (the gateway's routes).
 */
public final class OpenApiContract implements QuarkusTestBeforeClassCallback {

    /** The system property that switches the check off for a module whose document is not yet true. */
    public static final String SWITCH = "sharedict.openapi-contract";
    /** The system property naming the path prefixes to check (comma-separated; default all of /api). */
    public static final String PATHS = "sharedict.openapi-contract.paths";

    static final Filter FILTER = new Filter();

    @Override
    public void beforeClass(Class<?> testClass) {
        install();
    }

    /** Adds the check to REST Assured's global filters (once), unless the module switched it off. */
    public static synchronized void install() {
        if ("off".equals(System.getProperty(SWITCH))) {
            return;
        }
        if (!RestAssured.filters().contains(FILTER)) {
            RestAssured.filters(FILTER);
        }
    }

    /** Checks one answer against the document of the application that gave it. */
    static final class Filter implements OrderedFilter {

        private static final Set<Integer> UNDOCUMENTED_OPERATION_STATUSES = Set.of(404, 405);
        private static final String PATH_MISSING = "validation.request.path.missing";
        private static final String OPERATION_NOT_ALLOWED = "validation.request.operation.notAllowed";

        private final Map<String, OpenApiInteractionValidator> validators = new ConcurrentHashMap<>();
        private final List<String> prefixes =
                List.of(System.getProperty(PATHS, "/api").split("\\s*,\\s*"));
        private final HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

        @Override
        public int getOrder() {
            // Last in line: check what the test itself receives.
            return OrderedFilter.LOWEST_PRECEDENCE;
        }

        @Override
        public Response filter(
                FilterableRequestSpecification request,
                FilterableResponseSpecification responseSpec,
                FilterContext ctx) {
            Response response = ctx.next(request, responseSpec);
            URI uri = URI.create(request.getURI());
            String path = uri.getRawPath();
            if (path == null || !path.startsWith("/api/") || !checked(path) || isPreflight(request)) {
                return response;
            }
            String origin = uri.getScheme() + "://" + uri.getRawAuthority();
            OpenApiInteractionValidator validator = validators.computeIfAbsent(origin, this::load);
            Request.Method method = Request.Method.valueOf(request.getMethod().toUpperCase());
            ValidationReport report = validator.validateResponse(path, method, asValidatorResponse(response));
            List<ValidationReport.Message> errors = report.getMessages().stream()
                    .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                    .toList();
            if (errors.isEmpty()) {
                return response;
            }
            boolean undocumentedOperation = errors.stream()
                    .anyMatch(m -> m.getKey().equals(PATH_MISSING) || m.getKey().equals(OPERATION_NOT_ALLOWED));
            if (undocumentedOperation && UNDOCUMENTED_OPERATION_STATUSES.contains(response.statusCode())) {
                return response;
            }
            throw new AssertionError("The answer to " + method + " " + path + " breaks the service's OpenAPI document ("
                    + origin + "/q/openapi):\n"
                    + errors.stream()
                            .map(m -> "  - [" + m.getKey() + "] " + m.getMessage()
                                    + (m.getAdditionalInfo().isEmpty() ? "" : " " + m.getAdditionalInfo()))
                            .collect(Collectors.joining("\n"))
                    + "\nstatus " + response.statusCode() + ", " + response.contentType() + ": " + excerpt(response));
        }

        /** A CORS preflight is the CORS filter's answer about an operation, not an operation. */
        private static boolean isPreflight(FilterableRequestSpecification request) {
            return "OPTIONS".equalsIgnoreCase(request.getMethod())
                    && request.getHeaders().hasHeaderWithName("Access-Control-Request-Method");
        }

        private boolean checked(String path) {
            return prefixes.stream().anyMatch(p -> path.equals(p) || path.startsWith(p.endsWith("/") ? p : p + "/"));
        }

        private OpenApiInteractionValidator load(String origin) {
            try {
                HttpResponse<String> answer = http.send(
                        HttpRequest.newBuilder(URI.create(origin + "/q/openapi?format=json"))
                                .timeout(Duration.ofSeconds(30))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    throw new AssertionError(
                            "Cannot read the OpenAPI document at " + origin + "/q/openapi: " + answer.statusCode());
                }
                return OpenApiInteractionValidator.createForInlineApiSpecification(answer.body())
                        .build();
            } catch (IOException e) {
                throw new AssertionError("Cannot read the OpenAPI document at " + origin + "/q/openapi", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while reading " + origin + "/q/openapi", e);
            }
        }

        private static com.atlassian.oai.validator.model.Response asValidatorResponse(Response response) {
            SimpleResponse.Builder b = SimpleResponse.Builder.status(response.statusCode());
            for (Header h : response.getHeaders()) {
                b.withHeader(h.getName(), h.getValue());
            }
            byte[] body = response.asByteArray();
            if (body != null && body.length > 0) {
                b.withBody(body);
            }
            return b.build();
        }

        private static String excerpt(Response response) {
            String body = response.asString();
            return body.length() > 600 ? body.substring(0, 600) + "…" : body;
        }
    }
}
