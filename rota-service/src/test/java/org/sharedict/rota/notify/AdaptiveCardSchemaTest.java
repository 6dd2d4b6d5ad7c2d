package org.sharedict.rota.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.sharedict.rota.testing.AdaptiveCards;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The official Adaptive Card schema the Teams pages are checked against does refuse broken cards. */
class AdaptiveCardSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode card(String body) throws Exception {
        return JSON.readTree("""
                {"$schema":"http://adaptivecards.io/schemas/adaptive-card.json","type":"AdaptiveCard","version":"1.4",
                 "body":%s,
                 "actions":[{"type":"Action.OpenUrl","title":"Open incident #1","url":"https://sharedict.example/#/incidents/1"}]}""".formatted(body));
    }

    @Test
    void aCardShapedLikeAPageIsValid() throws Exception {
        JsonNode page = card("""
                [{"type":"TextBlock","text":"HIGH incident #1","weight":"bolder","size":"medium","wrap":true},
                 {"type":"FactSet","facts":[{"title":"Partner","value":"BBC"}]}]""");
        assertTrue(
                AdaptiveCards.problems(page).isEmpty(),
                AdaptiveCards.problems(page).toString());
    }

    @Test
    void brokenCardsAreRefused() throws Exception {
        assertFalse(AdaptiveCards.problems(card("[{\"type\":\"TextBlock\",\"text\":\"x\",\"weight\":\"heaviest\"}]"))
                .isEmpty());
        assertFalse(
                AdaptiveCards.problems(card("[{\"type\":\"TextBlock\",\"wrap\":true}]"))
                        .isEmpty(),
                "a TextBlock needs its text");
        assertFalse(
                AdaptiveCards.problems(card("[{\"type\":\"FactSet\",\"facts\":[{\"title\":\"Partner\"}]}]"))
                        .isEmpty(),
                "a fact needs its value");
        JsonNode noVersion = JSON.readTree("{\"type\":\"AdaptiveCard\",\"body\":[]}");
        assertFalse(AdaptiveCards.problems(noVersion).isEmpty(), "a card names its version");
    }
}
