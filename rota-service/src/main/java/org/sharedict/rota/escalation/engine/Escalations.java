package org.sharedict.rota.escalation.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
import org.sharedict.rota.platform.Metrics;

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
    private final StepTargets targets;
    private final FallThrough fallThrough;
    private final PolicyService policies;
    private final EscalationScheduler scheduler;
    private final PageTexts texts;
    private final PersonPages pages;
    private final Scheduler quartz;
    private final MeterRegistry metrics;

    @Inject
    Escalations(
            Clock clock,
            EscalatedIncidents incidents,
            Outbox outbox,
            People people,
            StepTargets targets,
            FallThrough fallThrough,
            PolicyService policies,
            EscalationScheduler scheduler,
            PageTexts texts,
            PersonPages pages,
            Scheduler quartz,
            MeterRegistry metrics) {
        this.clock = clock;
        this.incidents = incidents;
        this.outbox = outbox;
        this.people = people;
        this.targets = targets;
        this.fallThrough = fallThrough;
        this.policies = policies;
        this.scheduler = scheduler;
        this.texts = texts;
        this.pages = pages;
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

    /**
     * Someone asked for the next step now (a signed page link): cancels the one pending and notifies it
     * at once, in the caller's transaction. False when the incident is not TRIGGERED or the policy has no step left.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean escalateNow(long incidentId) {
        return incidents
                .lockTriggered(incidentId)
                .map(i -> escalateNow(i, Instant.now(clock)))
                .orElse(false);
    }

    /**
     * Someone asked to escalate now (a page's reply or link): the pending step is dropped and the next
     * one is notified at once; false when the policy has no further step (the last pass is done).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean escalateNow(EscalatedIncident i, Instant now) {
        EscalationPolicy policy = i.policyId() == null ? null : EscalationPolicy.findById(i.policyId());
        if (policy == null) {
            return false;
        }
        int steps = policies.stepsOf(policy).size();
        int nextStep = i.step() + 1;
        int nextPass = i.pass();
        if (nextStep >= steps) {
            nextStep = 0;
            nextPass++;
        }
        if (steps == 0 || nextPass > policy.repeatCount) {
            return false;
        }
        stop(i.id(), i.step(), i.pass());
        notifyStep(i, nextStep, nextPass, now);
        return true;
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
            metrics.timer(Metrics.ESCALATION_LATENESS).record(late.isNegative() ? Duration.ZERO : late);
        }
        List<TimelineLine> lines = new ArrayList<>();
        int queued = notifyTargets(i, s, step, pass, lines);
        long spared =
                s.targets().stream().filter(t -> !t.pagedFor(i.severity())).count();
        lines.add(
                0,
                new TimelineLine(
                        Kind.STEP_NOTIFIED,
                        "step " + (step + 1) + " of " + steps.size() + (pass > 0 ? ", repeat " + pass : "") + " of "
                                + policy.name + ": " + queued + " notification" + (queued == 1 ? "" : "s")
                                + (spared == 0
                                        ? ""
                                        : "; " + spared + " target" + (spared == 1 ? "" : "s") + " not paged for a "
                                                + i.severity() + " incident")
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
        int before = lines.size();
        StepTargets.Named named = targets.resolve(i, s, Instant.now(clock), step, pass, lines);
        Map<Long, Contact> known = people.find(named.persons());
        int queued = pages.page(i, named.persons(), known, step, pass, lines);
        if (queued == 0 && named.forPeople()) {
            List<String> why = lines.subList(before, lines.size()).stream()
                    .filter(l -> l.kind() == Kind.NO_RECIPIENT)
                    .map(TimelineLine::detail)
                    .toList();
            queued += fallThrough.page(i, named.persons(), why, step, pass, lines);
        }
        for (String url : named.hooks()) {
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

    static TimelineLine queued(
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
