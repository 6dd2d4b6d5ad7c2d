package org.sharedict.rota.escalation.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

import org.sharedict.rota.escalation.EscalationPolicy;
import org.sharedict.rota.escalation.PolicyService;
import org.sharedict.rota.escalation.Steps;
import org.sharedict.rota.escalation.engine.TimelineLine.Kind;
import org.sharedict.rota.notify.Notification;
import org.sharedict.rota.notify.Outbox;
import org.sharedict.rota.people.Contact;
import org.sharedict.rota.people.People;
import org.sharedict.rota.rotas.OnCallService;
import org.sharedict.rota.rotas.RotaPlans;
import org.sharedict.rota.schedule.Shift;

/**
 * The escalation engine: notifies one step's targets and plans the next. It runs on whichever
 * instance Quartz hands the step to, reads only rota-service's own data (the people snapshot),
 * and holds a row lock on the incident while it works, so a step and an acknowledgement never
 * interleave and a step that was already done is never done again.
 */
@ApplicationScoped
public class Escalations {

    private final Clock clock;
    private final EscalatedIncidents incidents;
    private final Outbox outbox;
    private final People people;
    private final OnCallService onCall;
    private final RotaPlans rotas;
    private final PolicyService policies;
    private final EscalationScheduler scheduler;
    private final PageTexts texts;
    private final Scheduler quartz;
    private final MeterRegistry metrics;

    @Inject
    Escalations(
            Clock clock,
            EscalatedIncidents incidents,
            Outbox outbox,
            People people,
            OnCallService onCall,
            RotaPlans rotas,
            PolicyService policies,
            EscalationScheduler scheduler,
            PageTexts texts,
            Scheduler quartz,
            MeterRegistry metrics) {
        this.clock = clock;
        this.incidents = incidents;
        this.outbox = outbox;
        this.people = people;
        this.onCall = onCall;
        this.rotas = rotas;
        this.policies = policies;
        this.scheduler = scheduler;
        this.texts = texts;
        this.quartz = quartz;
        this.metrics = metrics;
    }

    private String instance() {
        try {
            return quartz.getSchedulerInstanceId();
        } catch (SchedulerException e) {
            return "unknown";
        }
    }

    /** A new incident: notifies step 1 now, in the raise's transaction (the incident's row is the raise's own). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void start(EscalatedIncident i, Instant now) {
        notifyStep(i, 0, 0, now);
    }

    /** A scheduled step is due: do it unless the incident moved on (acknowledged, resolved, or the step already ran). */
    @Transactional
    public void fire(long incidentId, int step, int pass, Instant due) {
        EscalatedIncident i = incidents.lockTriggered(incidentId).orElse(null);
        if (i == null) {
            return;
        }
        boolean next = (step == i.step() + 1 && pass == i.pass()) || (step == 0 && pass == i.pass() + 1);
        if (!next) {
            Log.debugf("incident %d: step %d pass %d already handled", incidentId, step, pass);
            return;
        }
        notifyStep(i, step, pass, due);
    }

    /** The incident was acknowledged or resolved after notifying {@code step} of {@code pass}: the pending step is not wanted. */
    public void stop(long incidentId, int step, int pass) {
        // The pending step is the one after the last notified: the next in this pass or the first of the next.
        scheduler.cancel(incidentId, step + 1, pass);
        scheduler.cancel(incidentId, 0, pass + 1);
    }

    /** Notifies step {@code step} of pass {@code pass} now, and schedules what follows. Needs the incident row locked. */
    private void notifyStep(EscalatedIncident i, int step, int pass, Instant due) {
        Instant now = Instant.now(clock);
        EscalationPolicy policy = i.policyId() == null ? null : EscalationPolicy.findById(i.policyId());
        List<Steps.Step> steps = policy == null ? List.of() : policies.stepsOf(policy);
        if (step >= steps.size()) {
            incidents.stepped(
                    i.id(),
                    null,
                    null,
                    null,
                    List.of(new TimelineLine(
                            Kind.ESCALATION_EXHAUSTED,
                            policy == null
                                    ? "the escalation policy no longer exists"
                                    : "the policy has no step " + (step + 1) + " any more",
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null)));
            return;
        }
        Steps.Step s = steps.get(step);
        if (step > 0 || pass > 0) {
            // How late scheduled steps fire, on /q/metrics as rota_escalation_lateness_seconds.
            Duration late = Duration.between(due, now);
            metrics.timer("rota.escalation.lateness").record(late.isNegative() ? Duration.ZERO : late);
        }
        List<TimelineLine> lines = new ArrayList<>();
        int queued = notifyTargets(i, s, step, pass, lines);
        lines.add(
                0,
                new TimelineLine(
                        Kind.STEP_NOTIFIED,
                        "step " + (step + 1) + " of " + steps.size() + (pass > 0 ? ", repeat " + pass : "") + " of "
                                + policy.name + ": " + queued + " notification" + (queued == 1 ? "" : "s")
                                + " (instance " + instance() + ")",
                        step + 1,
                        pass + 1,
                        due,
                        null,
                        null,
                        null,
                        now));
        int nextStep = step + 1;
        int nextPass = pass;
        if (nextStep >= steps.size()) {
            nextStep = 0;
            nextPass = pass + 1;
        }
        if (nextPass > policy.repeatCount) {
            lines.add(TimelineLine.of(
                    Kind.ESCALATION_EXHAUSTED,
                    "that was the last step; the incident stays open until someone acknowledges it",
                    step + 1,
                    pass + 1));
            incidents.stepped(i.id(), step, pass, null, lines);
            return;
        }
        Instant nextDue = now.plus(s.waitFor());
        incidents.stepped(i.id(), step, pass, nextDue, lines);
        scheduler.schedule(i.id(), nextStep, nextPass, nextDue);
    }

    private int notifyTargets(EscalatedIncident i, Steps.Step s, int step, int pass, List<TimelineLine> lines) {
        Instant now = Instant.now(clock);
        Set<Long> persons = new LinkedHashSet<>();
        List<String> hooks = new ArrayList<>();
        for (Steps.Target t : s.targets()) {
            switch (t.kind()) {
                case ROTA_LAYER -> {
                    RotaPlans.Skeleton r = rotas.skeleton(t.rotaId()).orElse(null);
                    if (r == null) {
                        lines.add(TimelineLine.of(
                                Kind.NO_RECIPIENT, "rota " + t.rotaId() + " no longer exists", step + 1, pass + 1));
                        continue;
                    }
                    Shift holder = onCall.holder(r, t.layer(), now).orElse(null);
                    if (holder == null) {
                        lines.add(TimelineLine.of(
                                Kind.NO_RECIPIENT,
                                "nobody is on call on the " + t.layer() + " layer of " + r.name() + " now",
                                step + 1,
                                pass + 1));
                    } else {
                        persons.add(holder.personId());
                    }
                }
                case PERSON -> persons.add(t.personId());
                case PARTNER_MANAGER -> {
                    String partner = t.partner() == null ? i.partner() : t.partner();
                    List<Contact> managers = people.managersOf(partner);
                    if (managers.isEmpty()) {
                        lines.add(TimelineLine.of(
                                Kind.NO_RECIPIENT, "rota-service knows no manager of " + partner, step + 1, pass + 1));
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
                lines.add(TimelineLine.of(
                        Kind.NO_RECIPIENT,
                        "person " + id
                                + (p == null
                                        ? " is unknown to rota-service"
                                        : " (" + p.name() + ") has no e-mail address"),
                        step + 1,
                        pass + 1));
                continue;
            }
            long n = outbox.queue(
                    Notification.Purpose.PAGE,
                    Notification.Channel.EMAIL,
                    i.id(),
                    id,
                    step + 1,
                    p.email(),
                    PageTexts.subject(i, step),
                    texts.mailBody(i, p.name(), step, pass));
            lines.add(queued(n, Notification.Channel.EMAIL, p.name() + " <" + p.email() + ">", step, pass));
            queued++;
        }
        for (String url : hooks) {
            long n = outbox.queue(
                    Notification.Purpose.PAGE,
                    Notification.Channel.WEBHOOK,
                    i.id(),
                    null,
                    step + 1,
                    url,
                    PageTexts.subject(i, step),
                    texts.webhookBody(i, step, pass));
            lines.add(queued(n, Notification.Channel.WEBHOOK, url, step, pass));
            queued++;
        }
        return queued;
    }

    private static TimelineLine queued(
            long notificationId, Notification.Channel channel, String recipient, int step, int pass) {
        return new TimelineLine(
                Kind.NOTIFICATION_QUEUED,
                channel.name().toLowerCase() + " queued",
                step + 1,
                pass + 1,
                null,
                channel.name(),
                recipient,
                notificationId,
                null);
    }
}
