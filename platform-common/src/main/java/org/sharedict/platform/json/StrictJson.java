package org.sharedict.platform.json;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Jackson reads request bodies as written or not at all. Its defaults would store level 4.9 as 4,
 * take enum 0 for the first constant, ignore anything after the JSON value, store {@code true} or
 * {@code 42} in a text field as "true" or "42", read an empty string as no date, a date-time as
 * its date and a number as seconds since 1970. Every service's ObjectMapper (REST endpoints, REST
 * clients, stored documents) goes through this, so the published schema's types are the types read.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.configOverride(LocalDate.class).setFormat(JsonFormat.Value.forLeniency(false));
        mapper.configOverride(LocalDateTime.class).setFormat(JsonFormat.Value.forLeniency(false));
        mapper.configOverride(LocalTime.class).setFormat(JsonFormat.Value.forLeniency(false));
        mapper.configOverride(Instant.class).setFormat(JsonFormat.Value.forLeniency(false));
        mapper.configOverride(OffsetDateTime.class).setFormat(JsonFormat.Value.forLeniency(false));
        mapper.configOverride(ZonedDateTime.class).setFormat(JsonFormat.Value.forLeniency(false));
        mapper.configOverride(YearMonth.class).setFormat(JsonFormat.Value.forLeniency(false));
        mapper.registerModule(new SimpleModule("strict-temporal").setDeserializerModifier(new TemporalsAsText()));
    }

    /** Dates, times and instants are strings in the API: a number or an array is refused, not read as epoch or parts. */
    static final class TemporalsAsText extends BeanDeserializerModifier {

        @Override
        public JsonDeserializer<?> modifyDeserializer(
                DeserializationConfig config, BeanDescription description, JsonDeserializer<?> deserializer) {
            return Temporal.class.isAssignableFrom(description.getBeanClass())
                    ? new TextOnly(deserializer)
                    : deserializer;
        }
    }

    static final class TextOnly extends DelegatingDeserializer {

        TextOnly(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new TextOnly(newDelegatee);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return ctxt.handleUnexpectedToken(handledType(), p);
            }
            return super.deserialize(p, ctxt);
        }
    }
}
