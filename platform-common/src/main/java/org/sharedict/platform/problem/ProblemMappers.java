package org.sharedict.platform.problem;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.sharedict.platform.web.RequestIds;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Turns every failure a request can meet into problem+json. Persistence failures are recognised
 * anywhere in the cause chain because they often surface only at commit, wrapped by the
 * transaction manager.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.problem(), uri);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage(), safeRejected(v.getInvalidValue())))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .collect(Collectors.toCollection(ArrayList::new));
        return respond(ProblemException.invalid(errors).problem(), uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonParseException e, UriInfo uri) {
        return respond(new Problem("malformed-json", "Malformed JSON", 400,
                "The request body is not valid JSON: " + e.getOriginalMessage()), uri);
    }

    @ServerExceptionMapper
    public Response unmappableJson(JsonMappingException e, UriInfo uri) {
        String field = jsonPath(e);
        String message;
        if (e instanceof UnrecognizedPropertyException u) {
            message = "unknown field";
            field = field.isEmpty() ? u.getPropertyName() : field;
        } else if (e instanceof InvalidFormatException f) {
            message = "cannot be read as " + f.getTargetType().getSimpleName()
                    + (f.getTargetType().isEnum() ? " (one of " + enumValues(f.getTargetType()) + ")" : "");
        } else {
            message = "has the wrong type or shape";
        }
        return respond(ProblemException.invalid(field.isEmpty() ? "body" : field, message).problem(), uri);
    }

    /** More specific than {@link JsonMappingException}, so it wins over Quarkus' built-in mapper. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unmappableJson(e, uri);
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
        return respond(new Problem("forbidden", "Forbidden", 403,
                "Your role does not allow this action"), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        // JAX-RS answers 404 when a query or path parameter cannot be converted; that is bad input.
        if (status == 404 && e.getCause() != null && uri.getMatchedResources() != null && !uri.getMatchedResources().isEmpty()) {
            return respond(new Problem("bad-parameter", "Invalid parameter", 400,
                    "A parameter could not be read: " + rootMessage(e)), uri);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
        Problem p = new Problem(slug(title), title, status, e.getMessage());
        Response r = respond(p, uri);
        // Keep headers such as Allow (405) that the original response carried.
        Response.ResponseBuilder b = Response.fromResponse(r);
        e.getResponse().getHeaders().forEach((k, v) -> {
            if (!k.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !k.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                v.forEach(val -> b.header(k, val));
            }
        });
        return b.build();
    }

    @ServerExceptionMapper
    public Response anything(Throwable e, UriInfo uri) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProblemException pe) {
                return respond(pe.problem(), uri);
            }
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return respond(new Problem("concurrent-edit", "Edited by someone else", 409,
                        "This record was changed by someone else while you edited it; reload it and try again"), uri);
            }
            if (t instanceof SQLException sql && "23000".equals(sql.getSQLState())) {
                // 1062 duplicate key, 1451/1452 foreign key: the request conflicts with stored data.
                String detail = sql.getErrorCode() == 1062 ? "A record with the same unique value already exists"
                        : "The request refers to, or removes, a record that other records depend on";
                return respond(new Problem("conflict", "Conflict", 409, detail), uri);
            }
        }
        Log.errorf(e, "Unhandled failure on %s", uri.getPath());
        return respond(new Problem("internal-error", "Internal error", 500,
                "Something went wrong on our side; quote the request ID when reporting it"), uri);
    }

    private Response unauthenticated(UriInfo uri) {
        return Response.fromResponse(respond(new Problem("unauthenticated", "Sign-in required", 401,
                "Send a valid bearer token from the gateway (POST /api/auth/login)"), uri))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
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
                String position = node.getIndex() != null ? "[" + node.getIndex() + "]"
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

    private static String jsonPath(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String enumValues(Class<?> type) {
        Object[] constants = type.getEnumConstants();
        List<String> names = new ArrayList<>();
        for (Object c : constants) {
            names.add(c.toString());
        }
        return String.join(", ", names);
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
