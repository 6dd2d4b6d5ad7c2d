package org.sharedict.platform.openapi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Makes {@code @Schema(nullable = true)} true for fields whose type is a named schema
 * ({@code LocalDate}, {@code Instant}, a nested record). SmallRye models them as
 * {@code anyOf: [$ref, {type: null}]} and writes OpenAPI 3.0 as {@code nullable: true} beside
 * {@code allOf: [$ref]}, where the referenced schema still refuses {@code null}: validators and
 * client generators read such a field as never null. This filter puts a copy of the referenced
 * schema in place of the reference, where {@code nullable} applies to it.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BOTH)
public class NullableReferences implements OASFilter {

    private static final String REF = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> named = api.getComponents().getSchemas();
        Set<Schema> seen = new HashSet<>();
        named.values().forEach(s -> visit(s, named, seen));
        if (api.getPaths() != null && api.getPaths().getPathItems() != null) {
            api.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
                if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                    op.getRequestBody().getContent().getMediaTypes().values().forEach(m -> visit(m.getSchema(), named, seen));
                }
                if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                    op.getResponses().getAPIResponses().values().forEach(r -> {
                        if (r.getContent() != null) {
                            r.getContent().getMediaTypes().values().forEach(m -> visit(m.getSchema(), named, seen));
                        }
                    });
                }
            }));
        }
    }

    private static void visit(Schema s, Map<String, Schema> named, Set<Schema> seen) {
        if (s == null || !seen.add(s)) {
            return;
        }
        String ref = nullable(s) ? reference(s) : null;
        if (ref != null && named.containsKey(ref)) {
            inline(s, named.get(ref));
        }
        if (s.getProperties() != null) {
            s.getProperties().values().forEach(p -> visit(p, named, seen));
        }
        visit(s.getItems(), named, seen);
        visit(s.getAdditionalPropertiesSchema(), named, seen);
    }

    /** The schema a nullable field refers to: {@code anyOf: [$ref, {type: null}]} (or {@code allOf: [$ref]}). */
    private static String reference(Schema s) {
        List<Schema> options = s.getAnyOf() != null ? s.getAnyOf() : s.getAllOf();
        if (options == null) {
            return null;
        }
        List<Schema> refs = options.stream().filter(o -> o.getRef() != null && o.getRef().startsWith(REF)).toList();
        boolean rest = options.stream().allMatch(o -> o.getRef() != null || List.of(Schema.SchemaType.NULL).equals(o.getType()));
        return refs.size() == 1 && rest ? refs.get(0).getRef().substring(REF.length()) : null;
    }

    private static boolean nullable(Schema s) {
        return s.getType() != null && s.getType().contains(Schema.SchemaType.NULL) || Boolean.TRUE.equals(s.get("nullable"));
    }

    /** The referenced schema's keywords, kept where the field says more (its description), and still nullable. */
    private static void inline(Schema s, Schema target) {
        s.setAnyOf(null);
        s.setAllOf(null);
        for (Map.Entry<String, ?> e : target.getAll().entrySet()) {
            if (e.getKey().equals("type")) {
                List<Schema.SchemaType> types = new ArrayList<>(target.getType());
                if (!types.contains(Schema.SchemaType.NULL)) {
                    types.add(Schema.SchemaType.NULL);
                }
                s.setType(types);
            } else if (s.get(e.getKey()) == null) {
                s.set(e.getKey(), e.getValue());
            }
        }
    }
}
