package org.sharedict.gateway.aggregate;

import java.util.Locale;
import java.util.function.BiPredicate;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import org.sharedict.gateway.routing.GatewayRouter;
import org.sharedict.gateway.routing.RouteTable;
import org.sharedict.platform.problem.Problem;

/**
 * Documents what the gateway itself answers before an operation runs, on its own operations: 401
 * without a valid token or API key (all but the public ones), 403 for an API key whose permissions
 * do not cover the operation, 413 for a body over the gateway's 1 MB, 414 for a path and query over
 * 8,192 characters, 429 past a rate limit. The
 * merged document adds the same to every service's operation ({@code OpenApiMerger}).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BOTH)
public class GatewayAnswers implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        api.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations()
                        .forEach((method, op) ->
                                document(op, method, path, RouteTable::isOwnPublic, "the gateway's 1 MB"));
            }
        });
    }

    /** The gateway's answers to {@code op}, where it does not document them already. */
    static void document(
            Operation op,
            PathItem.HttpMethod method,
            String path,
            BiPredicate<String, String> isPublic,
            String bodyLimit) {
        APIResponses responses = op.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            op.setResponses(responses);
        }
        // A path template matched as a request would be: {provider} stands for one segment.
        String sample = path.replaceAll("\\{[^}/]+}", "x");
        if (!isPublic.test(method.name().toUpperCase(Locale.ROOT), sample)) {
            add(responses, "401", "No valid bearer token or API key (the gateway checks before anything else)", false);
            add(
                    responses,
                    "403",
                    "Not allowed: the caller's role or partner, or an API key whose permissions do not cover this",
                    false);
        }
        if (op.getRequestBody() != null) {
            add(responses, "413", "The body is larger than " + bodyLimit, false);
        }
        add(responses, "414", "The path and query are longer than " + GatewayRouter.MAX_URI + " characters", false);
        add(
                responses,
                "429",
                "Too many requests from this user, API key or address: try again after Retry-After seconds",
                true);
    }

    private static void add(APIResponses responses, String status, String description, boolean retryAfter) {
        if (responses.hasAPIResponse(status)) {
            return;
        }
        APIResponse r = OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent()
                        .addMediaType(
                                Problem.MEDIA_TYPE,
                                OASFactory.createMediaType()
                                        .schema(OASFactory.createSchema().ref("#/components/schemas/Problem"))));
        if (retryAfter) {
            r.addHeader(
                    "Retry-After",
                    OASFactory.createHeader()
                            .description("Seconds to wait before trying again")
                            .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
        }
        responses.addAPIResponse(status, r);
    }
}
