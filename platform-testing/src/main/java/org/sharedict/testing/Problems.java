package org.sharedict.testing;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.builder.ResponseSpecBuilder;
import io.restassured.specification.ResponseSpecification;

/** REST Assured expectations for RFC 9457 problem responses. */
public final class Problems {

    private Problems() {
    }

    /** A problem+json body with this status, in the header and the body alike. */
    public static ResponseSpecification problem(int status) {
        return new ResponseSpecBuilder()
                .expectStatusCode(status)
                .expectContentType("application/problem+json")
                .expectBody("status", equalTo(status))
                .expectBody("type", startsWith("urn:sharedict:problem:"))
                .expectBody("title", org.hamcrest.Matchers.notNullValue())
                .build();
    }

    /** A 400 problem that names {@code field} among its field errors. */
    public static ResponseSpecification invalidField(String field) {
        return new ResponseSpecBuilder()
                .addResponseSpecification(problem(400))
                .expectBody("errors.field", hasItem(field))
                .build();
    }
}
