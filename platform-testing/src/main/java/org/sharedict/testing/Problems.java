package org.sharedict.testing;

import io.restassured.builder.ResponseSpecBuilder;
import io.restassured.specification.ResponseSpecification;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/** REST Assured expectations for RFC 9457 problem responses. */
public final class Problems {

    private Problems() {}

    /** A problem+json body with this status, in the header and the body alike. */
    public static ResponseSpecification problem(int status) {
        return new ResponseSpecBuilder()
                .expectStatusCode(status)
                .expectContentType("application/problem+json")
                .expectBody("status", equalTo(status))
                .expectBody("type", startsWith("urn:sharedict:problem:"))
                .expectBody("title", notNullValue())
                .build();
    }

    /** A 400 problem that names {@code field} among its field errors. */
    public static ResponseSpecification invalidField(String field) {
        return new ResponseSpecBuilder()
                .addResponseSpecification(problem(400))
                .expectBody("errors.field", hasItem(field))
                .build();
    }

    /** A 400 {@code malformed-json} problem: the body is not (acceptable) JSON. */
    public static ResponseSpecification malformedJson() {
        return type(400, "malformed-json");
    }

    /** A 400 {@code bad-parameter} problem naming the query, path or header parameter {@code name}. */
    public static ResponseSpecification badParameter(String name) {
        return new ResponseSpecBuilder()
                .addResponseSpecification(type(400, "bad-parameter"))
                .expectBody("errors.field", hasItem(name))
                .build();
    }

    /** The 503 a service answers while its database is unreachable: retry after a few seconds. */
    public static ResponseSpecification databaseUnavailable() {
        return new ResponseSpecBuilder()
                .addResponseSpecification(type(503, "dependency-unavailable"))
                .expectBody("service", equalTo("database"))
                .expectHeader("Retry-After", matchesPattern("[1-9][0-9]*"))
                .build();
    }

    /** A problem of this status and type (the part after {@code urn:sharedict:problem:}). */
    public static ResponseSpecification type(int status, String type) {
        return new ResponseSpecBuilder()
                .addResponseSpecification(problem(status))
                .expectBody("type", equalTo("urn:sharedict:problem:" + type))
                .build();
    }
}
