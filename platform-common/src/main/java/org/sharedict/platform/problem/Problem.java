package org.sharedict.platform.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An RFC 9457 problem details body: the one error format every service answers with, served as
 * {@code application/problem+json}. {@code errors} carries field-level detail for validation
 * failures; anything else a caller needs (a dependency cycle, a conflicting version) goes into
 * the extension members.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "requestId", "errors"})
public class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** Problem types are URNs under this prefix; docs/API.md lists them. */
    public static final String TYPE_PREFIX = "urn:sharedict:problem:";

    public String type;
    public String title;
    public int status;
    public String detail;
    public String instance;
    public String requestId;
    public List<FieldError> errors;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public Problem() {}

    public Problem(String typeSlug, String title, int status, String detail) {
        this.type = TYPE_PREFIX + typeSlug;
        this.title = title;
        this.status = status;
        this.detail = detail;
    }

    @JsonAnyGetter
    public Map<String, Object> extensions() {
        return extensions;
    }

    public Problem with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    /** One invalid input: {@code field} is the JSON path or parameter name the caller sent. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String field, String message, Object rejected) {
        public FieldError(String field, String message) {
            this(field, message, null);
        }
    }
}
