package org.sharedict.rota.incidents;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.sharedict.platform.json.Json;
import org.sharedict.rota.escalation.EscalationPolicy;
import org.sharedict.rota.escalation.PolicyService;
import org.sharedict.rota.escalation.Steps;
import org.sharedict.rota.notify.Notification;
import org.sharedict.rota.notify.Outbox;
import org.sharedict.rota.people.Contact;
import org.sharedict.rota.people.People;
import org.sharedict.rota.platform.RotaConfig;
import org.sharedict.rota.rotas.OnCallService;
import org.sharedict.rota.rotas.Rota;
import org.sharedict.rota.schedule.Shift;

import io.quarkus.logging.Log;

/**
 * The escalation engine: notifies one step's targets and plans the next. It runs on whichever
 * instance Quartz hands the step to, reads only rota-service's own data (the people snapshot),
 * and holds a row lock on the incident while it works, so a step and an acknowledgement never
 * interleave and a step that was already done is never done again.
 */
@ApplicationScoped
public class Escalations {

    @Inject
    Clock clock;

    @Inject
    Timeline timeline;

    @Inject
    Outbox outbox;

    @Inject
    People people;

    @Inject
    OnCallService onCall;

    @Inject
    PolicyService policies;

    @Inject
    EscalationScheduler scheduler;

    @Inject
    RotaConfig config;

    @Inject
    Json json;

    @Inject
    org.quartz.Scheduler quartz;

    @Inject
    io.micrometer.core.instrument.MeterRegistry metrics;

    private String instance() {
        try {
            return quartz.getSchedulerInstanceId();
        } catch (org.quartz.SchedulerException e) {
            return "unknown";
        }
    }

    /** A scheduled step is due: do it unless the incident moved on (acknowledged, resolved, or the step already ran). */
    @Transactional
    public void fire(long incidentId, int step, int pass, Instant due) {
        Incident i = Incident.findById(incidentId, LockModeType.PESSIMISTIC_WRITE);
        if (i == null || i.status != Incident.Status.TRIGGERED) {
            return;
        }
        boolean next = (step == i.step + 1 && pass == i.pass) || (step == 0 && pass == i.pass + 1);
        if (!next) {
            Log.debugf("incident %d: step %d pass %d already handled", incidentId, step, pass);
            return;
        }
        notifyStep(i, step, pass, due);
    }

    /** Notifies step {@code step} of pass {@code pass} now, and schedules what follows. Needs the incident row locked. */
    @Transactional(Transactional.TxType.MANDATORY)
    void notifyStep(Incident i, int step, int pass, Instant due) {
        Instant now = Instant.now(clock);
        EscalationPolicy policy = i.policyId == null ? null : EscalationPolicy.findById(i.policyId);
        List<Steps.Step> steps = policy == null ? List.of() : policies.stepsOf(policy);
        if (step >= steps.size()) {
            i.nextStepAt = null;
            timeline.add(i.id, IncidentEvent.Kind.ESCALATION_EXHAUSTED,
                    policy == null ? "the escalation policy no longer exists" : "the policy has no step " + (step + 1) + " any more");
            return;
        }
        Steps.Step s = steps.get(step);
        if (step > 0 || pass > 0) {
            // How late scheduled steps fire, on /q/metrics as rota_escalation_lateness_seconds.
            metrics.timer("rota.escalation.lateness").record(java.time.Duration.between(due, now).isNegative()
                    ? java.time.Duration.ZERO : java.time.Duration.between(due, now));
        }
        IncidentEvent started = timeline.add(i.id, IncidentEvent.Kind.STEP_NOTIFIED,
                "step " + (step + 1) + " of " + steps.size() + (pass > 0 ? ", repeat " + pass : "") + " of " + policy.name);
        started.step = step + 1;
        started.pass = pass + 1;
        started.dueAt = due;
        int queued = notifyTargets(i, s, step, pass);
        started.detail += ": " + queued + " notification" + (queued == 1 ? "" : "s") + " (instance " + instance() + ")";
        i.step = step;
        i.pass = pass;
        int nextStep = step + 1;
        int nextPass = pass;
        if (nextStep >= steps.size()) {
            nextStep = 0;
            nextPass = pass + 1;
        }
        if (nextPass > policy.repeatCount) {
            i.nextStepAt = null;
            IncidentEvent end = timeline.add(i.id, IncidentEvent.Kind.ESCALATION_EXHAUSTED,
                    "that was the last step; the incident stays open until someone acknowledges it");
            end.step = step + 1;
            end.pass = pass + 1;
            return;
        }
        Instant nextDue = now.plus(s.waitFor());
        i.nextStepAt = nextDue;
        scheduler.schedule(i.id, nextStep, nextPass, nextDue);
    }

    private int notifyTargets(Incident i, Steps.Step s, int step, int pass) {
        Instant now = Instant.now(clock);
        Set<Long> persons = new LinkedHashSet<>();
        List<String> hooks = new ArrayList<>();
        for (Steps.Target t : s.targets()) {
            switch (t.kind()) {
                case ROTA_LAYER -> {
                    Rota r = Rota.findById(t.rotaId());
                    if (r == null) {
                        noRecipient(i, step, pass, "rota " + t.rotaId() + " no longer exists");
                        continue;
                    }
                    Shift holder = onCall.holder(r, t.layer(), now).orElse(null);
                    if (holder == null) {
                        noRecipient(i, step, pass, "nobody is on call on the " + t.layer() + " layer of " + r.name + " now");
                    } else {
                        persons.add(holder.personId());
                    }
                }
                case PERSON -> persons.add(t.personId());
                case PARTNER_MANAGER -> {
                    String partner = t.partner() == null ? i.partner : t.partner();
                    List<Contact> managers = people.managersOf(partner);
                    if (managers.isEmpty()) {
                        noRecipient(i, step, pass, "rota-service knows no manager of " + partner);
                    }
                    managers.forEach(m -> persons.add(m.personId()));
                }
                case WEBHOOK -> hooks.add(t.url());
            }
        }
        int queued = 0;
        Map<Long, Contact> known = people.find(persons);
        for (Long id : persons) {
            Contact p = known.get(id);
            if (p == null || p.email() == null || p.email().isBlank()) {
                noRecipient(i, step, pass, "person " + id + (p == null ? " is unknown to rota-service" : " (" + p.name() + ") has no e-mail address"));
                continue;
            }
            long n = outbox.queue(Notification.Purpose.PAGE, Notification.Channel.EMAIL, i.id, id, step + 1, p.email(),
                    subject(i, step), mailBody(i, p.name(), step, pass));
            queuedEvent(i, n, Notification.Channel.EMAIL, step, p.name() + " <" + p.email() + ">", pass);
            queued++;
        }
        for (String url : hooks) {
            long n = outbox.queue(Notification.Purpose.PAGE, Notification.Channel.WEBHOOK, i.id, null, step + 1, url,
                    subject(i, step), webhookBody(i, step, pass));
            queuedEvent(i, n, Notification.Channel.WEBHOOK, step, url, pass);
            queued++;
        }
        return queued;
    }

    private void queuedEvent(Incident i, long notificationId, Notification.Channel channel, int step, String recipient, int pass) {
        IncidentEvent e = timeline.add(i.id, IncidentEvent.Kind.NOTIFICATION_QUEUED, channel.name().toLowerCase() + " queued");
        e.step = step + 1;
        e.pass = pass + 1;
        e.channel = channel.name();
        e.recipient = recipient;
        e.notificationId = notificationId;
    }

    private void noRecipient(Incident i, int step, int pass, String why) {
        IncidentEvent e = timeline.add(i.id, IncidentEvent.Kind.NO_RECIPIENT, why);
        e.step = step + 1;
        e.pass = pass + 1;
    }

    static String subject(Incident i, int step) {
        return "[" + i.severity + "] " + i.partner + " incident #" + i.id + ": " + i.summary + " (step " + (step + 1) + ")";
    }

    private String mailBody(Incident i, String name, int step, int pass) {
        String base = config.publicUrl().replaceAll("/+$", "");
        return """
                Hello %s,

                You are being paged for %s (severity %s), step %d%s of its escalation policy "%s".

                %s
                %s
                Raised %s by %s%s.

                Acknowledge it to stop the escalation:
                  POST %s/api/incidents/%d/acknowledge
                Its timeline: %s/api/incidents/%d

                -- rota-service, Shared ICT Support platform
                """.formatted(name, i.partner, i.severity, step + 1, pass > 0 ? " (repeat " + pass + ")" : "", i.policyName, i.summary,
                i.details == null ? "" : i.details + "\n", i.createdAt, i.raisedBy, i.occurrences > 1 ? ", seen " + i.occurrences + " times" : "",
                base, i.id, base, i.id);
    }

    private String webhookBody(Incident i, int step, int pass) {
        String base = config.publicUrl().replaceAll("/+$", "");
        Map<String, Object> incident = new LinkedHashMap<>();
        incident.put("id", i.id);
        incident.put("partner", i.partner);
        incident.put("summary", i.summary);
        incident.put("severity", i.severity.name());
        incident.put("status", i.status.name());
        incident.put("createdAt", i.createdAt.toString());
        incident.put("url", base + "/api/incidents/" + i.id);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", "incident.escalated");
        body.put("text", subject(i, step) + " - acknowledge at " + base + "/api/incidents/" + i.id);
        body.put("step", step + 1);
        body.put("pass", pass + 1);
        body.put("incident", incident);
        return json.write(body);
    }
}
