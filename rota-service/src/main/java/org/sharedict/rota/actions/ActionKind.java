package org.sharedict.rota.actions;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a page link lets its reader do, with the words for the link, the button and the outcome. */
enum ActionKind {
    ACKNOWLEDGE("Acknowledge", "acknowledged"),
    ESCALATE("Escalate now", "escalated"),
    RESOLVE("Resolve", "resolved");

    private final String label;
    private final String done;

    ActionKind(String label, String done) {
        this.label = label;
        this.done = done;
    }

    /** The word in links and tokens: acknowledge, escalate, resolve. */
    String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    String label() {
        return label;
    }

    /** The past tense, for "acknowledged by Sam Carter from a page link". */
    String done() {
        return done;
    }

    static Optional<ActionKind> of(String word) {
        return Arrays.stream(values()).filter(a -> a.word().equals(word)).findFirst();
    }
}
