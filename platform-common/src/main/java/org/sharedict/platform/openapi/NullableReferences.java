package org.sharedict.platform.openapi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Makes {@code @Schema(nullable = true)} true on a field whose type is itself a schema component (an
 * {@code Instant}, a {@code LocalDate}, an enum, a record). SmallRye writes such a field as
 * {@code allOf: [$ref]} (or {@code anyOf: [$ref, {type: null}]}) with {@code nullable: true} beside
 * it, which OpenAPI 3.0.3 ignores (nullable only widens a {@code type} in the same schema object),
 * so an answer holding {@code null} there breaks the document, and client generators read the field
 * as never null. This filter writes the component inline instead, with {@code null} allowed (and
 * added to an enum's values): {@code {type: string, format: date-time, nullable: true}}.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BOTH)
public class NullableReferences implements OASFilter {

    private static final String REF = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> components = api.getComponents().getSchemas();
        Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        components.values().forEach(s -> visit(s, components, seen));
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        api.getPaths()
                .getPathItems()
                .values()
                .forEach(item -> item.getOperations().values().forEach(op -> {
                    if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                        op.getRequestBody()
                                .getContent()
                                .getMediaTypes()
                                .values()
                                .forEach(m -> visit(m.getSchema(), components, seen));
                    }
                    if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                        op.getResponses().getAPIResponses().values().forEach(r -> {
                            if (r.getContent() != null) {
                                r.getContent()
                                        .getMediaTypes()
                                        .values()
                                        .forEach(m -> visit(m.getSchema(), components, seen));
                            }
                        });
                    }
                }));
    }

    private static void visit(Schema s, Map<String, Schema> components, Set<Schema> seen) {
        if (s == null || !seen.add(s)) {
            return;
        }
        inline(s, components);
        if (s.getProperties() != null) {
            s.getProperties().values().forEach(p -> visit(p, components, seen));
        }
        visit(s.getItems(), components, seen);
        visit(s.getAdditionalPropertiesSchema(), components, seen);
    }

    /** Rewrites a nullable {@code allOf: [$ref]} (or {@code anyOf: [$ref, null]}) as the referenced schema, inline, nullable. */
    private static void inline(Schema p, Map<String, Schema> components) {
        if (!nullable(p)) {
            return;
        }
        Schema ref = single(p.getAllOf());
        if (ref == null) {
            ref = single(withoutNull(p.getAnyOf()));
        }
        if (ref == null || ref.getRef() == null || !ref.getRef().startsWith(REF)) {
            return;
        }
        Schema target = components.get(ref.getRef().substring(REF.length()));
        if (target == null) {
            return;
        }
        String description = p.getDescription();
        p.setAll(new LinkedHashMap<>(target.getAll()));
        List<Schema.SchemaType> types = new ArrayList<>(target.getType() == null ? List.of() : target.getType());
        if (!types.contains(Schema.SchemaType.NULL)) {
            types.add(Schema.SchemaType.NULL);
        }
        p.setType(types);
        if (target.getEnumeration() != null && !target.getEnumeration().contains(null)) {
            List<Object> values = new ArrayList<>(target.getEnumeration());
            values.add(null);
            p.setEnumeration(values);
        }
        if (description != null) {
            p.setDescription(description);
        }
    }

    private static boolean nullable(Schema p) {
        if (p.getType() != null && p.getType().contains(Schema.SchemaType.NULL)) {
            return true;
        }
        if (Boolean.TRUE.equals(p.get("nullable"))) {
            return true;
        }
        return p.getAnyOf() != null && p.getAnyOf().stream().anyMatch(NullableReferences::isNull);
    }

    private static boolean isNull(Schema s) {
        return s != null
                && s.getRef() == null
                && s.getType() != null
                && s.getType().equals(List.of(Schema.SchemaType.NULL));
    }

    private static List<Schema> withoutNull(List<Schema> schemas) {
        return schemas == null ? null : schemas.stream().filter(s -> !isNull(s)).toList();
    }

    private static Schema single(List<Schema> schemas) {
        return schemas != null && schemas.size() == 1 ? schemas.get(0) : null;
    }
}
