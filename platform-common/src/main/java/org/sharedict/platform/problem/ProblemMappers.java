package org.sharedict.platform.problem;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import org.sharedict.platform.database.DatabaseFailures;
import org.sharedict.platform.web.AllowedMethods;
import org.sharedict.platform.web.BadParameterException;
import org.sharedict.platform.web.LogSafe;
import org.sharedict.platform.web.RequestIds;

/**
 * Turns every failure a request can meet into problem+json. Persistence failures (a conflict, the
 * database not answering) are recognised anywhere in the cause chain because they often surface
 * only at commit, wrapped by the transaction manager.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e, uri);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage(), safeRejected(v.getInvalidValue())))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .collect(Collectors.toCollection(ArrayList::new));
        return respond(ProblemException.invalid(errors).problem(), uri);
    }

    /**
     * A request body Jackson cannot read. Quarkus REST throws some of these as they are and wraps
     * the rest in a bare 400 ({@link #web}); both end here.
     */
    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return json(e, e, uri);
    }

    /** More specific than Quarkus' built-in mapper for this one, so ours wins. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return json(e, e, uri);
    }

    @ServerExceptionMapper
    public Response badParameter(BadParameterException e, UriInfo uri) {
        Problem p = new Problem("bad-parameter", "Invalid parameter", 400, e.parameter() + ": " + e.getMessage());
        p.errors = List.of(new Problem.FieldError(e.parameter(), e.getMessage(), safeRejected(e.rejected())));
        return respond(p, uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem("forbidden", "Forbidden", 403, "Your role does not allow this action"), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, Request request) {
        int status = e.getResponse().getStatus();
        if (status == 400 && JsonProblems.find(e.getCause()) != null) {
            return json(e.getCause(), e, uri);
        }
        if (status == 404 && e.getCause() == null) {
            // Quarkus REST answers 404 when the resource class it tried first lacks the method, though
            // another class serves this path with other methods: that is a 405.
            Set<String> allowed = AllowedMethods.at(uri.getPath());
            if (!allowed.isEmpty() && !allowed.contains(request.getMethod())) {
                return web(new WebApplicationException(Response.Status.METHOD_NOT_ALLOWED), uri, request);
            }
        }
        // JAX-RS answers 404 when a query or path parameter cannot be converted; that is bad input.
        // (ParameterConverters names the parameter for the types it knows; this is the fallback.)
        if (status == 404
                && e.getCause() != null
                && uri.getMatchedResources() != null
                && !uri.getMatchedResources().isEmpty()) {
            return respond(
                    new Problem(
                            "bad-parameter",
                            "Invalid parameter",
                            400,
                            "A parameter could not be read: " + rootMessage(e)),
                    uri);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
        Problem p = new Problem(slug(title), title, status, e.getMessage());
        // Quarkus REST leaves Allow out of its 405; RFC 9110 requires it.
        Set<String> allowed = status == 405 && !e.getResponse().getHeaders().containsKey(HttpHeaders.ALLOW)
                ? AllowedMethods.at(uri.getPath())
                : Set.of();
        if (!allowed.isEmpty()) {
            p.detail = "This path answers " + String.join(", ", allowed);
        }
        // Keep headers such as Allow that the original response carried.
        Response.ResponseBuilder b = Response.fromResponse(respond(p, uri));
        e.getResponse().getHeaders().forEach((k, v) -> {
            if (!k.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !k.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                v.forEach(val -> b.header(k, val));
            }
        });
        if (!allowed.isEmpty()) {
            b.header(HttpHeaders.ALLOW, String.join(", ", allowed));
        }
        return b.build();
    }

    @ServerExceptionMapper
    public Response anything(Throwable e, UriInfo uri) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProblemException pe) {
                return respond(pe, uri);
            }
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return respond(
                        new Problem(
                                "concurrent-edit",
                                "Edited by someone else",
                                409,
                                "This record was changed by someone else while you edited it; reload it and try again"),
                        uri);
            }
            if (t instanceof SQLException sql && "23000".equals(sql.getSQLState())) {
                // 1062 duplicate key, 1451/1452 foreign key: the request conflicts with stored data.
                String detail = sql.getErrorCode() == 1062
                        ? "A record with the same unique value already exists"
                        : "The request refers to, or removes, a record that other records depend on";
                return respond(new Problem("conflict", "Conflict", 409, detail), uri);
            }
        }
        if (DatabaseFailures.isUnavailable(e)) {
            Log.warnf("Database unavailable on %s: %s", LogSafe.uri(uri.getPath()), rootMessage(e));
            return respond(ProblemException.databaseUnavailable(), uri);
        }
        if (DatabaseFailures.isContention(e)) {
            Log.warnf("Database contention on %s: %s", LogSafe.uri(uri.getPath()), rootMessage(e));
            return respond(ProblemException.databaseBusy(), uri);
        }
        if (JsonProblems.find(e) != null) {
            return json(e, e, uri);
        }
        return anythingElse(e, uri);
    }

    private Response unauthenticated(UriInfo uri) {
        return Response.fromResponse(respond(
                        new Problem(
                                "unauthenticated",
                                "Sign-in required",
                                401,
                                "Send a valid bearer token from the gateway (POST /api/auth/login)"),
                        uri))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    private Response json(Throwable jackson, Throwable thrown, UriInfo uri) {
        Problem p = JsonProblems.of(jackson);
        if (p == null) {
            // Jackson cannot use one of our own types: a bug, not bad input.
            return anythingElse(thrown, uri);
        }
        return respond(p, uri);
    }

    private Response anythingElse(Throwable e, UriInfo uri) {
        Log.errorf(e, "Unhandled failure on %s", LogSafe.uri(uri.getPath()));
        return respond(
                new Problem(
                        "internal-error",
                        "Internal error",
                        500,
                        "Something went wrong on our side; quote the request ID when reporting it"),
                uri);
    }

    /** The problem with the headers that go with it (Retry-After on a 503). */
    public static Response respond(ProblemException e, UriInfo uri) {
        Response r = respond(e.problem(), uri);
        if (e.headers().isEmpty()) {
            return r;
        }
        Response.ResponseBuilder b = Response.fromResponse(r);
        e.headers().forEach(b::header);
        return b.build();
    }

    public static Response respond(Problem p, UriInfo uri) {
        if (uri != null && p.instance == null) {
            p.instance = uri.getRequestUri().getRawPath();
        }
        p.requestId = RequestIds.current();
        return Response.status(p.status).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    /** The caller's name for the field: the JSON property path, or the query/path parameter. */
    static String fieldOf(ConstraintViolation<?> v) {
        List<String> names = new ArrayList<>();
        boolean sawParameter = false;
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            // A node inside a list or map carries the position in its parent: activities[5].steps[0].skill.
            if (node.isInIterable() && !names.isEmpty()) {
                String position = node.getIndex() != null
                        ? "[" + node.getIndex() + "]"
                        : node.getKey() != null ? "[" + node.getKey() + "]" : "[]";
                names.set(names.size() - 1, names.get(names.size() - 1) + position);
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                sawParameter = true;
                names.add(node.getName());
                continue;
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT || node.getName() == null) {
                continue;
            }
            names.add(node.getName());
        }
        // A body or bean parameter's own name says nothing to the caller; its fields do.
        if (sawParameter && names.size() > 1) {
            names.remove(0);
        }
        return names.isEmpty() ? "request" : String.join(".", names);
    }

    private static Object safeRejected(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof CharSequence s) {
            return s.length() > 200 ? s.subSequence(0, 200) + "…" : s.toString();
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }
}
