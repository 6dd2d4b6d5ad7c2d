package org.sharedict.rota.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a call is signed (docs/API.md, "Lifecycle webhooks"): HMAC-SHA256, keyed with the
 * subscription's secret as UTF-8, over {@code timestamp + "." + body}, sent as {@code v1=<hex>}.
 * The timestamp (Unix seconds) is signed too, so a receiver can refuse an old call replayed.
 */
public final class WebhookSignature {

    public static final String TIMESTAMP = "X-Sharedict-Timestamp";
    public static final String SIGNATURE = "X-Sharedict-Signature";
    public static final String EVENT = "X-Sharedict-Event";
    public static final String DELIVERY = "X-Sharedict-Delivery";

    private WebhookSignature() {}

    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] sig = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1=" + HexFormat.of().formatHex(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
