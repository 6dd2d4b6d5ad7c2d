package org.sharedict.rota.notify;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;
import uk.gov.service.notify.SendSmsResponse;

import org.sharedict.rota.platform.RotaConfig;

/**
 * Sends SMS through GOV.UK Notify with its official client. Each message kind has a template
 * whose whole text is one {@code ((body))} placeholder, so the words stay in this service (and in
 * its tests) while Notify keeps the templates it requires. The reference is our notification's ID,
 * which Notify's delivery receipt sends back.
 */
@ApplicationScoped
public class SmsGateway {

    private final RotaConfig config;
    private volatile NotificationClient client;

    @Inject
    SmsGateway(RotaConfig config) {
        this.config = config;
    }

    public boolean enabled() {
        return config.sms().enabled() && config.sms().apiKey().isPresent();
    }

    /** Sends one SMS; answers Notify's notification ID. */
    public String send(Notification.Purpose purpose, String phone, String text, long reference) throws SmsFailure {
        if (!enabled()) {
            throw new SmsFailure("SMS is switched off (rota.sms.enabled and rota.sms.api-key)");
        }
        try {
            SendSmsResponse r =
                    client().sendSms(template(purpose), phone, Map.of("body", text), Long.toString(reference));
            return r.getNotificationId().toString();
        } catch (NotificationClientException e) {
            throw new SmsFailure(
                    "GOV.UK Notify answered " + (e.getHttpResult() == 0 ? "nothing" : "HTTP " + e.getHttpResult())
                            + ": " + firstLine(e.getMessage()));
        } catch (RuntimeException e) {
            throw new SmsFailure("GOV.UK Notify could not be reached: " + e);
        }
    }

    private String template(Notification.Purpose purpose) {
        return switch (purpose) {
            case PAGE -> config.sms().templates().page();
            case VERIFICATION -> config.sms().templates().verification();
            default -> config.sms().templates().notice();
        };
    }

    private NotificationClient client() {
        NotificationClient c = client;
        if (c == null) {
            // The client parses the key (name, service ID, secret) and signs a JWT per request with it.
            c = new NotificationClient(
                    config.sms().apiKey().orElseThrow(), config.sms().baseUrl());
            client = c;
        }
        return c;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 300) : line;
    }

    /** Notify refused or could not be reached: the delivery is retried. */
    public static class SmsFailure extends Exception {
        public SmsFailure(String message) {
            super(message);
        }
    }
}
