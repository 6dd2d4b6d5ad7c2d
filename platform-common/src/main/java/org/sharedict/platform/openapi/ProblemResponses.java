package org.sharedict.platform.openapi;

import java.util.List;
import java.util.Map;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import org.sharedict.platform.problem.Problem;

/**
 * Documents the answers every operation shares, so that each service's OpenAPI says what its
 * operations really answer without every resource repeating it: the {@code Problem} schema
 * (RFC 9457, docs/API.md#errors) on every error answer; {@code 400} wherever a parameter or a body
 * can be wrong; {@code 415} wherever a body is read; {@code 503} with {@code Retry-After}
 * everywhere (the database, or a service the operation needs, is unavailable). Answers particular
 * to an operation (404, 409, 412, 428…) are declared on the resource method with
 * {@code @APIResponse}; this filter gives them the problem body too.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BOTH)
public class ProblemResponses implements OASFilter {

    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "FieldError";
    private static final String REF = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(OASFactory.createComponents());
        }
        addSchemas(api.getComponents());
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        api.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                operations(item).forEach(ProblemResponses::document);
            }
        });
    }

    private static List<Operation> operations(PathItem item) {
        return item.getOperations().values().stream().toList();
    }

    private static void document(Operation op) {
        APIResponses responses = op.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            op.setResponses(responses);
        }
        boolean takesParameters =
                op.getParameters() != null && !op.getParameters().isEmpty();
        boolean takesBody = op.getRequestBody() != null;
        if (takesParameters || takesBody) {
            addIfMissing(
                    responses,
                    "400",
                    "Invalid input: the problem's `errors` name each field or parameter that is wrong");
        }
        if (takesBody) {
            addIfMissing(responses, "415", "The body is not in a media type this operation reads");
        }
        if (!responses.hasAPIResponse("503")) {
            responses.addAPIResponse(
                    "503",
                    OASFactory.createAPIResponse()
                            .description(
                                    "The database, or a service this operation needs, is unavailable; try again after Retry-After seconds")
                            .addHeader(
                                    "Retry-After",
                                    OASFactory.createHeader()
                                            .description("Seconds to wait before trying again")
                                            .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))));
        }
        for (Map.Entry<String, APIResponse> e : responses.getAPIResponses().entrySet()) {
            if (isError(e.getKey())
                    && (e.getValue().getContent() == null
                            || e.getValue().getContent().getMediaTypes().isEmpty())) {
                e.getValue()
                        .content(OASFactory.createContent()
                                .addMediaType(
                                        Problem.MEDIA_TYPE,
                                        OASFactory.createMediaType()
                                                .schema(OASFactory.createSchema()
                                                        .ref(REF + PROBLEM))));
            }
        }
    }

    private static void addIfMissing(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    private static boolean isError(String status) {
        return status.length() == 3 && (status.charAt(0) == '4' || status.charAt(0) == '5');
    }

    private static void addSchemas(Components components) {
        if (components.getSchemas() != null && components.getSchemas().containsKey(PROBLEM)) {
            return;
        }
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        components.addSchema(
                FIELD_ERROR,
                OASFactory.createSchema()
                        .description(
                                "One invalid input: the JSON path or parameter name the caller sent, and what is wrong with it")
                        .addType(Schema.SchemaType.OBJECT)
                        .required(List.of("field", "message"))
                        .addProperty("field", string)
                        .addProperty("message", string)
                        .addProperty(
                                "rejected",
                                OASFactory.createSchema()
                                        .description("The rejected value, when it is safe to repeat")));
        components.addSchema(
                PROBLEM,
                OASFactory.createSchema()
                        .description(
                                "RFC 9457 problem details; the extension members a problem type carries are listed in docs/API.md")
                        .addType(Schema.SchemaType.OBJECT)
                        .required(List.of("type", "title", "status"))
                        .addProperty(
                                "type",
                                OASFactory.createSchema()
                                        .addType(Schema.SchemaType.STRING)
                                        .description("urn:sharedict:problem:<slug>"))
                        .addProperty("title", string)
                        .addProperty(
                                "status",
                                OASFactory.createSchema()
                                        .addType(Schema.SchemaType.INTEGER)
                                        .format("int32"))
                        .addProperty("detail", string)
                        .addProperty("instance", string)
                        .addProperty("requestId", string)
                        .addProperty(
                                "errors",
                                OASFactory.createSchema()
                                        .addType(Schema.SchemaType.ARRAY)
                                        .items(OASFactory.createSchema().ref(REF + FIELD_ERROR)))
                        .additionalPropertiesSchema(OASFactory.createSchema()));
    }
}
