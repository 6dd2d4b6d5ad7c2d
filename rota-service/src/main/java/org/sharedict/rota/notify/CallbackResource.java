package org.sharedict.rota.notify;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.sharedict.platform.problem.Problem;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.rota.platform.RotaConfig;

/**
 * The providers' calls back to us. They carry no platform token: GOV.UK Notify sends the bearer
 * token we set in its callback settings, Twilio signs its requests with our auth token. Their work
 * runs on a thread of its own, outside the request, so that nothing reads Notify's bearer token as
 * a platform JWT; the timeline records it as the person who replied.
 */
@Path("/api/paging")
@Tag(name = "Paging callbacks", description = "GOV.UK Notify's and Twilio's callbacks: delivery receipts and replies")
@PermitAll
public class CallbackResource {

    private final ProviderCallbacks callbacks;
    private final RotaConfig config;

    public CallbackResource(ProviderCallbacks callbacks, RotaConfig config) {
        this.callbacks = callbacks;
        this.config = config;
    }

    private final ExecutorService worker = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "paging-callback");
        t.setDaemon(true);
        return t;
    });

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** A Notify delivery receipt (its documented fields; others are ignored). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NotifyReceipt(
            @Schema(nullable = true) String id,
            @Schema(nullable = true) String reference,
            @Schema(nullable = true) String to,
            @Schema(nullable = true) String status,

            @JsonProperty("notification_type") @Schema(nullable = true)
            String notificationType) {}

    /** A text message Notify received for our service. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NotifyReceivedText(
            @Schema(nullable = true) String id,

            @JsonProperty("source_number") @Schema(nullable = true)
            String sourceNumber,

            @JsonProperty("destination_number") @Schema(nullable = true)
            String destinationNumber,

            @Schema(nullable = true) String content) {}

    @POST
    @Path("/notify/receipts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "GOV.UK Notify's delivery receipt for an SMS; recorded on the incident's timeline")
    @APIResponse(responseCode = "204", description = "Recorded (or not ours: Notify need not send it again)")
    @APIResponse(
            responseCode = "401",
            description = "The bearer token is not the one configured for Notify's callbacks")
    public Response receipt(@HeaderParam("Authorization") String authorization, NotifyReceipt body) {
        requireNotifyToken(authorization);
        if (body == null) {
            throw ProblemException.invalid("body", "must be Notify's delivery receipt");
        }
        offRequest(() -> callbacks.receipt(body.id(), body.reference(), body.status()));
        return Response.noContent().build();
    }

    @POST
    @Path("/notify/replies")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "A text message GOV.UK Notify received: 1a acknowledges page 1, 1e escalates it, 1r resolves it")
    @APIResponse(responseCode = "204", description = "Acted on, or answered with the help text")
    @APIResponse(
            responseCode = "401",
            description = "The bearer token is not the one configured for Notify's callbacks")
    public Response received(@HeaderParam("Authorization") String authorization, NotifyReceivedText body) {
        requireNotifyToken(authorization);
        if (body == null || body.sourceNumber() == null) {
            throw ProblemException.invalid("source_number", "is required");
        }
        offRequest(() -> {
            callbacks.textReceived(body.sourceNumber(), body.content());
            return null;
        });
        return Response.noContent().build();
    }

    @POST
    @Path("/voice/{id:\\d{1,18}}/gather")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_XML)
    @Operation(summary = "Twilio's call back with the key pressed in a voice page: 1 acknowledges")
    @APIResponse(
            responseCode = "200",
            description = "TwiML saying what was done",
            content = @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(implementation = String.class)))
    @APIResponse(responseCode = "401", description = "The request is not signed with our Twilio auth token")
    @APIResponse(responseCode = "404", description = "No voice page has this ID")
    public Response gathered(
            @PathParam("id") long id, @HeaderParam("X-Twilio-Signature") String signature, String body) {
        // Read as text: the platform reads every typed body as JSON, and Twilio posts a form.
        Map<String, String> form = form(body);
        if (!offRequest(() -> callbacks.isVoicePage(id))) {
            throw ProblemException.notFound("Voice page", id);
        }
        String url = config.publicUrl().replaceAll("/+$", "") + "/api/paging/voice/" + id + "/gather";
        if (!twilioSigned(url, form, signature)) {
            throw unauthorized("The request is not signed with our Twilio auth token");
        }
        String digits = form.get("Digits");
        String said = offRequest(() -> callbacks.keyPressed(id, digits));
        return Response.ok(
                        "<Response><Say voice=\"alice\" language=\"en-GB\">"
                                + said.replace("&", "and").replace("<", "") + "</Say></Response>",
                        MediaType.APPLICATION_XML)
                .build();
    }

    private <T> T offRequest(Supplier<T> work) {
        Future<T> f = worker.submit(work::get);
        try {
            return f.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable("interrupted; send it again");
        } catch (TimeoutException e) {
            throw ProblemException.unavailable("took too long; send it again");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw ProblemException.unavailable("failed: " + e.getCause());
        }
    }

    private void requireNotifyToken(String authorization) {
        String expected = config.sms().callbackToken().orElse(null);
        String given = authorization != null && authorization.startsWith("Bearer ")
                ? authorization.substring(7).trim()
                : "";
        if (expected == null
                || expected.isBlank()
                || !MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
            throw unauthorized("The bearer token is not the one set for GOV.UK Notify's callbacks");
        }
    }

    /** Twilio's signature: HMAC-SHA1 with the auth token over the URL and the form's names and values, sorted by name. */
    static Map<String, String> form(String body) {
        Map<String, String> form = new TreeMap<>();
        if (body == null || body.isBlank()) {
            return form;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                form.putIfAbsent(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("body", "is not a URL-encoded form (" + e.getMessage() + ")");
            }
        }
        return form;
    }

    boolean twilioSigned(String url, Map<String, String> form, String signature) {
        String token = config.voice().authToken().orElse(null);
        if (token == null || signature == null) {
            return false;
        }
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(form).forEach((k, v) -> data.append(k).append(v));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            byte[] expected = mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(
                    Base64.getEncoder().encode(expected), signature.trim().getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            return false;
        }
    }

    private static ProblemException unauthorized(String detail) {
        return new ProblemException(new Problem("unauthorized", "Unauthorized", 401, detail));
    }
}
