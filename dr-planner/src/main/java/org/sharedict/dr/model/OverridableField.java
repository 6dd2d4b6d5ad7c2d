package org.sharedict.dr.model;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The fields of a template activity or step a partner may override, and how an override's JSON
 * value is read. Keys, dependencies and steps are changed by exclusions and additions instead.
 */
public enum OverridableField {
    NAME(Target.ACTIVITY, "name", Type.TEXT, false, 200),
    CATEGORY(Target.ACTIVITY, "category", Type.CATEGORY, false, 0),
    TIER(Target.ACTIVITY, "tier", Type.INT, false, 5),
    RTO_MINUTES(Target.ACTIVITY, "rtoMinutes", Type.INT, false, Keys.MAX_MINUTES),
    RPO_MINUTES(Target.ACTIVITY, "rpoMinutes", Type.INT, true, Keys.MAX_MINUTES),
    MTPD_MINUTES(Target.ACTIVITY, "mtpdMinutes", Type.INT, true, Keys.MAX_MINUTES),
    DESCRIPTION(Target.ACTIVITY, "description", Type.TEXT, true, 10000),
    TITLE(Target.STEP, "title", Type.TEXT, false, 200),
    INSTRUCTIONS(Target.STEP, "instructions", Type.TEXT, true, 10000),
    DURATION_MINUTES(Target.STEP, "durationMinutes", Type.INT, false, Keys.MAX_MINUTES),
    SKILL(Target.STEP, "skill", Type.SKILL, true, 40),
    OWNER_ROLE(Target.STEP, "ownerRole", Type.TEXT, true, 100);

    public enum Target {
        ACTIVITY,
        STEP
    }

    private enum Type {
        TEXT,
        INT,
        CATEGORY,
        SKILL
    }

    public final Target target;
    public final String jsonName;
    private final Type type;
    private final boolean nullable;
    private final int max;

    OverridableField(Target target, String jsonName, Type type, boolean nullable, int max) {
        this.target = target;
        this.jsonName = jsonName;
        this.type = type;
        this.nullable = nullable;
        this.max = max;
    }

    public static Optional<OverridableField> of(Target target, String jsonName) {
        return Arrays.stream(values())
                .filter(f -> f.target == target && f.jsonName.equals(jsonName))
                .findFirst();
    }

    public static String namesFor(Target target) {
        return String.join(
                ", ",
                Arrays.stream(values())
                        .filter(f -> f.target == target)
                        .map(f -> f.jsonName)
                        .toList());
    }

    /** The override's value as the field holds it, or an exception whose message says what is wrong. */
    public Object read(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            if (!nullable) {
                throw new IllegalArgumentException("must not be null for " + jsonName);
            }
            return null;
        }
        switch (type) {
            case INT -> {
                if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                    throw new IllegalArgumentException("must be a whole number for " + jsonName);
                }
                int v = value.intValue();
                int min = this == TIER ? 1 : 0;
                if (v < min || v > max) {
                    throw new IllegalArgumentException("must be between " + min + " and " + max + " for " + jsonName);
                }
                return v;
            }
            case CATEGORY -> {
                try {
                    return Category.valueOf(value.asText());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("must be one of " + Arrays.toString(Category.values()));
                }
            }
            case SKILL -> {
                if (!value.isTextual() || !value.asText().matches(Keys.SKILL_PATTERN)) {
                    throw new IllegalArgumentException(Keys.SKILL_MESSAGE);
                }
                return value.asText();
            }
            default -> {
                if (!value.isTextual()) {
                    throw new IllegalArgumentException("must be text for " + jsonName);
                }
                String s = value.asText();
                if (!nullable && s.isBlank()) {
                    throw new IllegalArgumentException("must not be blank for " + jsonName);
                }
                if (s.length() > max) {
                    throw new IllegalArgumentException("must be at most " + max + " characters");
                }
                return s;
            }
        }
    }

    public Object get(Activity a) {
        return switch (this) {
            case NAME -> a.name();
            case CATEGORY -> a.category();
            case TIER -> a.tier();
            case RTO_MINUTES -> a.rtoMinutes();
            case RPO_MINUTES -> a.rpoMinutes();
            case MTPD_MINUTES -> a.mtpdMinutes();
            case DESCRIPTION -> a.description();
            default -> throw new IllegalStateException(jsonName + " is a step field");
        };
    }

    public Object get(Step s) {
        return switch (this) {
            case TITLE -> s.title();
            case INSTRUCTIONS -> s.instructions();
            case DURATION_MINUTES -> s.durationMinutes();
            case SKILL -> s.skill();
            case OWNER_ROLE -> s.ownerRole();
            default -> throw new IllegalStateException(jsonName + " is an activity field");
        };
    }

    public Activity apply(Activity a, Object v) {
        return switch (this) {
            case NAME ->
                new Activity(
                        a.key(),
                        (String) v,
                        a.category(),
                        a.tier(),
                        a.rtoMinutes(),
                        a.rpoMinutes(),
                        a.mtpdMinutes(),
                        a.description(),
                        a.dependsOn(),
                        a.steps());
            case CATEGORY ->
                new Activity(
                        a.key(),
                        a.name(),
                        (Category) v,
                        a.tier(),
                        a.rtoMinutes(),
                        a.rpoMinutes(),
                        a.mtpdMinutes(),
                        a.description(),
                        a.dependsOn(),
                        a.steps());
            case TIER ->
                new Activity(
                        a.key(),
                        a.name(),
                        a.category(),
                        (Integer) v,
                        a.rtoMinutes(),
                        a.rpoMinutes(),
                        a.mtpdMinutes(),
                        a.description(),
                        a.dependsOn(),
                        a.steps());
            case RTO_MINUTES ->
                new Activity(
                        a.key(),
                        a.name(),
                        a.category(),
                        a.tier(),
                        (Integer) v,
                        a.rpoMinutes(),
                        a.mtpdMinutes(),
                        a.description(),
                        a.dependsOn(),
                        a.steps());
            case RPO_MINUTES ->
                new Activity(
                        a.key(),
                        a.name(),
                        a.category(),
                        a.tier(),
                        a.rtoMinutes(),
                        (Integer) v,
                        a.mtpdMinutes(),
                        a.description(),
                        a.dependsOn(),
                        a.steps());
            case MTPD_MINUTES ->
                new Activity(
                        a.key(),
                        a.name(),
                        a.category(),
                        a.tier(),
                        a.rtoMinutes(),
                        a.rpoMinutes(),
                        (Integer) v,
                        a.description(),
                        a.dependsOn(),
                        a.steps());
            case DESCRIPTION ->
                new Activity(
                        a.key(),
                        a.name(),
                        a.category(),
                        a.tier(),
                        a.rtoMinutes(),
                        a.rpoMinutes(),
                        a.mtpdMinutes(),
                        (String) v,
                        a.dependsOn(),
                        a.steps());
            default -> throw new IllegalStateException(jsonName + " is a step field");
        };
    }

    public Step apply(Step s, Object v) {
        return switch (this) {
            case TITLE ->
                new Step(s.key(), (String) v, s.instructions(), s.durationMinutes(), s.skill(), s.ownerRole());
            case INSTRUCTIONS ->
                new Step(s.key(), s.title(), (String) v, s.durationMinutes(), s.skill(), s.ownerRole());
            case DURATION_MINUTES ->
                new Step(s.key(), s.title(), s.instructions(), (Integer) v, s.skill(), s.ownerRole());
            case SKILL ->
                new Step(s.key(), s.title(), s.instructions(), s.durationMinutes(), (String) v, s.ownerRole());
            case OWNER_ROLE ->
                new Step(s.key(), s.title(), s.instructions(), s.durationMinutes(), s.skill(), (String) v);
            default -> throw new IllegalStateException(jsonName + " is an activity field");
        };
    }
}
