package org.sharedict.rota.webhooks;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.sharedict.platform.audit.Auditor;
import org.sharedict.platform.audit.Changes;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.security.Caller;
import org.sharedict.platform.security.Roles;
import org.sharedict.platform.web.ETags;
import org.sharedict.rota.people.Partners;
import org.sharedict.rota.platform.RotaConfig;
import org.sharedict.rota.webhooks.WebhookDtos.AttemptView;
import org.sharedict.rota.webhooks.WebhookDtos.WebhookInput;
import org.sharedict.rota.webhooks.WebhookDtos.WebhookUpdate;
import org.sharedict.rota.webhooks.WebhookDtos.WebhookView;

/** A partner's webhook subscriptions: kept by that partner's managers and by admins. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class WebhookService {

    static final Set<String> EVENTS = new LinkedHashSet<>(Arrays.stream(IncidentLifecycle.Event.values())
            .map(IncidentLifecycle.Event::wire)
            .toList());

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Caller caller;
    private final Clock clock;
    private final Auditor audit;
    private final Partners partners;
    private final RotaConfig config;
    private final WebhookOutbox outbox;

    WebhookService(
            Caller caller, Clock clock, Auditor audit, Partners partners, RotaConfig config, WebhookOutbox outbox) {
        this.caller = caller;
        this.clock = clock;
        this.audit = audit;
        this.partners = partners;
        this.config = config;
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WebhookView> list(String partner) {
        String p = partner != null ? partner : caller.isAdmin() ? null : ownPartner();
        if (p != null) {
            requireRights(p);
            return WebhookSubscription.<WebhookSubscription>list("partner = ?1 order by id", p).stream()
                    .map(s -> WebhookView.of(s, null))
                    .toList();
        }
        requireRights(null);
        return WebhookSubscription.<WebhookSubscription>listAll(io.quarkus.panache.common.Sort.by("id")).stream()
                .map(s -> WebhookView.of(s, null))
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public WebhookView get(long id) {
        return WebhookView.of(find(id), null);
    }

    public WebhookView create(WebhookInput in) {
        String partner = in.partner() != null ? in.partner().trim().toUpperCase(Locale.ROOT) : ownPartner();
        requireRights(partner);
        String url = url(in.url().trim());
        Set<String> events = events(in.events());
        partners.requireExisting(List.of(new Partners.Wanted("partner", partner)));
        WebhookSubscription s = new WebhookSubscription();
        s.partner = partner;
        s.url = url;
        s.events = String.join(",", events);
        s.description = description(in.description());
        s.secret = newSecret();
        s.createdAt = Instant.now(clock);
        s.createdBy = caller.username();
        s.persistAndFlush();
        audit.created("webhook_subscription", s.id, partner, Map.of("url", url, "events", s.events));
        return WebhookView.of(s, s.secret);
    }

    /**
     * Changes where to call, which events and whether any are sent; checked against the version the
     * caller read. Calls still queued go to the new address; disabling drops them.
     */
    public WebhookView update(long id, WebhookUpdate in, String ifMatch) {
        WebhookSubscription s = find(id);
        String url = url(in.url().trim());
        String events = String.join(",", events(in.events()));
        String description = description(in.description());
        ETags.requireMatch(s, ifMatch, in.version());
        Changes changes = Changes.track()
                .field("url", s.url, url)
                .field("events", s.events, events)
                .field("description", s.description, description)
                .field("enabled", s.enabled, in.enabled());
        if (!changes.isEmpty()) {
            s.url = url;
            s.events = events;
            s.description = description;
            s.enabled = in.enabled();
            outbox.retarget(s);
            s.persistAndFlush();
        }
        audit.updated("webhook_subscription", s.id, s.partner, changes);
        return WebhookView.of(s, null);
    }

    /** A new signing secret, shown in this answer only; the old one stops signing at once, queued calls included. */
    public WebhookView rotateSecret(long id) {
        WebhookSubscription s = find(id);
        s.secret = newSecret();
        s.persistAndFlush();
        audit.record("ROTATE_SECRET", "webhook_subscription", s.id, s.partner, Map.of("url", s.url));
        return WebhookView.of(s, s.secret);
    }

    public void delete(long id) {
        WebhookSubscription s = find(id);
        audit.deleted("webhook_subscription", s.id, s.partner, Map.of("url", s.url, "events", s.events));
        s.delete();
    }

    /** Queues a test call at once; answers it, to be followed in {@link #attempts}. */
    public AttemptView test(long id) {
        return AttemptView.of(outbox.queueTest(find(id)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AttemptView> attempts(long id) {
        WebhookSubscription s = find(id);
        return WebhookDelivery.<WebhookDelivery>find("subscriptionId = ?1 order by id desc", s.id)
                .page(0, 20)
                .list()
                .stream()
                .map(AttemptView::of)
                .toList();
    }

    private static Set<String> events(List<String> given) {
        Set<String> events = new LinkedHashSet<>();
        for (String e : given) {
            String name = e.trim().toLowerCase(Locale.ROOT);
            if (!EVENTS.contains(name)) {
                throw ProblemException.invalid("events", "'" + e + "' is not one of " + String.join(", ", EVENTS));
            }
            events.add(name);
        }
        return events;
    }

    private static String description(String given) {
        return given == null || given.isBlank() ? null : given.trim();
    }

    private static String newSecret() {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    private WebhookSubscription find(long id) {
        WebhookSubscription s = WebhookSubscription.findById(id);
        if (s == null) {
            throw ProblemException.notFound("Webhook subscription", id);
        }
        requireRights(s.partner);
        return s;
    }

    /** https, or http where the setting allows it (local runs and tests); an address a URL parser accepts, with a host. */
    private String url(String given) {
        URI u;
        try {
            u = URI.create(given);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("url", "is not a URL");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        boolean allowed = scheme.equals("https")
                || (scheme.equals("http") && config.webhooks().allowHttp());
        if (!allowed) {
            throw ProblemException.invalid("url", "must be an https:// address");
        }
        if (u.getHost() == null || u.getHost().isBlank()) {
            throw ProblemException.invalid("url", "must name a host");
        }
        return given;
    }

    private String ownPartner() {
        return caller.partner()
                .map(p -> p.toUpperCase(Locale.ROOT))
                .orElseThrow(() -> ProblemException.invalid("partner", "is required (your token names no partner)"));
    }

    /** Admins for any partner (null: all partners); managers for their own. */
    private void requireRights(String partner) {
        if (caller.isAdmin()) {
            return;
        }
        if (partner != null && caller.hasRole(Roles.MANAGER) && caller.isOf(partner)) {
            return;
        }
        throw ProblemException.forbidden("Only " + (partner == null ? "a partner" : partner)
                + "'s managers and admins keep its webhook subscriptions");
    }
}
