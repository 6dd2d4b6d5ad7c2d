package org.sharedict.rota.notify;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.sharedict.rota.platform.RotaConfig;

/**
 * Voice pages through Twilio Programmable Voice's REST API: one {@code Calls.json} request with
 * inline TwiML that says the page (in a British voice) and gathers one key; pressing 1 posts to our
 * voice callback, which acknowledges the incident. Optional: off unless {@code rota.voice.*} is set.
 */
@ApplicationScoped
public class TwilioVoice implements VoiceCalls {

    private final RotaConfig config;
    private final ObjectMapper mapper;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    @Inject
    TwilioVoice(RotaConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
    }

    @Override
    public boolean enabled() {
        RotaConfig.Voice v = config.voice();
        return v.enabled()
                && v.accountSid().isPresent()
                && v.authToken().isPresent()
                && v.from().isPresent();
    }

    @Override
    public String call(String phone, String speech, long notificationId, boolean askToAcknowledge) throws VoiceFailure {
        if (!enabled()) {
            throw new VoiceFailure("voice calls are switched off (rota.voice.*)");
        }
        RotaConfig.Voice v = config.voice();
        String sid = v.accountSid().orElseThrow();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", phone);
        form.put("From", v.from().orElseThrow());
        form.put("Twiml", askToAcknowledge ? twiml(speech, notificationId) : say(speech + " " + speech));
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(
                        v.baseUrl().replaceAll("/+$", "") + "/2010-04-01/Accounts/" + enc(sid) + "/Calls.json"))
                .timeout(config.delivery().webhookTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(
                                                (sid + ":" + v.authToken().orElseThrow())
                                                        .getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new VoiceFailure("Twilio answered HTTP " + r.statusCode());
            }
            JsonNode callSid = mapper.readTree(r.body()).get("sid");
            return callSid == null ? null : callSid.asText();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VoiceFailure("interrupted");
        } catch (java.io.IOException e) {
            throw new VoiceFailure("Twilio could not be reached: " + e);
        }
    }

    /** Says the page twice at most, and sends the key pressed to our voice callback. */
    String twiml(String speech, long notificationId) {
        String action = config.publicUrl().replaceAll("/+$", "") + "/api/paging/voice/" + notificationId + "/gather";
        String say = "<Say voice=\"alice\" language=\"en-GB\">" + xml(speech) + " Press 1 to acknowledge.</Say>";
        return "<Response><Gather numDigits=\"1\" timeout=\"10\" action=\"" + xml(action) + "\" method=\"POST\">" + say
                + "</Gather>"
                + "<Say voice=\"alice\" language=\"en-GB\">We did not hear a key. Goodbye.</Say></Response>";
    }

    private static String say(String speech) {
        return "<Response><Say voice=\"alice\" language=\"en-GB\">" + xml(speech) + "</Say></Response>";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
