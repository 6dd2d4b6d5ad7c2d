package org.sharedict.platform.openapi;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class NullableReferencesTest {

    @Test
    void aNullableFieldOfANamedTypeGetsTheTypeInlineAndStaysNullable() {
        Schema date = OASFactory.createSchema().addType(SchemaType.STRING).format("date");
        Schema nullableDate = OASFactory.createSchema()
                .type(List.of(SchemaType.STRING, SchemaType.NULL))
                .anyOf(List.of(
                        OASFactory.createSchema().ref("#/components/schemas/LocalDate"),
                        OASFactory.createSchema().addType(SchemaType.NULL)));
        Schema plainDate = OASFactory.createSchema().ref("#/components/schemas/LocalDate");
        Schema view = OASFactory.createSchema()
                .addType(SchemaType.OBJECT)
                .addProperty("until", nullableDate)
                .addProperty("createdOn", plainDate);
        OpenAPI api = OASFactory.createOpenAPI()
                .components(OASFactory.createComponents()
                        .addSchema("LocalDate", date)
                        .addSchema("View", view));

        new NullableReferences().filterOpenAPI(api);

        Schema until =
                api.getComponents().getSchemas().get("View").getProperties().get("until");
        assertNull(until.getAnyOf());
        assertNull(until.getRef());
        assertEquals(List.of(SchemaType.STRING, SchemaType.NULL), until.getType());
        assertEquals("date", until.getFormat());
        assertEquals(
                "#/components/schemas/LocalDate",
                api.getComponents()
                        .getSchemas()
                        .get("View")
                        .getProperties()
                        .get("createdOn")
                        .getRef(),
                "a field that is never null keeps its reference");
    }
}
