package org.sharedict.platform.jobs;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import java.util.TimeZone;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.TriggerListener;

/**
 * The two kinds of job the services keep in Quartz's JDBC store, so that a restart or a second
 * instance neither loses nor doubles one: a job that runs <em>once</em> for a key (an escalation
 * step, a delivery attempt) and a <em>recurring</em> job on a cron in the partnership's zone (shift
 * reminders, plan reviews). Not a bean: services without Quartz (skills-service, the gateway) never
 * load it; the ones with it pass their {@link Scheduler}.
 */
public final class DurableJobs {

    private DurableJobs() {}

    /**
     * Schedules {@code type} once under {@code key}, at {@code at} (null: as soon as Quartz can,
     * whatever the application clock says), recovered by another instance if the one running it
     * dies; a missed run fires at once. False when a job with this key is scheduled already.
     */
    public static boolean once(
            Scheduler quartz, Class<? extends Job> type, JobKey key, Instant at, Map<String, String> data) {
        JobBuilder job = JobBuilder.newJob(type).withIdentity(key).requestRecovery();
        data.forEach(job::usingJobData);
        TriggerBuilder<Trigger> when = TriggerBuilder.newTrigger().withIdentity(key.getName(), key.getGroup());
        when = at == null ? when.startNow() : when.startAt(Date.from(at));
        Trigger trigger = when.withSchedule(
                        SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        try {
            quartz.scheduleJob(job.build(), trigger);
            return true;
        } catch (ObjectAlreadyExistsException e) {
            return false;
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot schedule " + key, e);
        }
    }

    /**
     * Keeps a recurring job and its cron trigger registered: every instance registers the same keys,
     * replacing what is there, so a cluster holds one of each and a changed cron takes effect on the
     * next start. A run missed while everything was down happens once at start-up.
     */
    public static void recurring(
            Scheduler quartz,
            Class<? extends Job> type,
            JobKey job,
            TriggerKey trigger,
            String cron,
            ZoneId zone,
            String description)
            throws SchedulerException {
        JobDetail detail = JobBuilder.newJob(type)
                .withIdentity(job)
                .storeDurably()
                .requestRecovery()
                .withDescription(description)
                .build();
        quartz.addJob(detail, true);
        Trigger t = TriggerBuilder.newTrigger()
                .withIdentity(trigger)
                .forJob(job)
                .withSchedule(CronScheduleBuilder.cronSchedule(cron)
                        .inTimeZone(TimeZone.getTimeZone(zone))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
        if (quartz.checkExists(trigger)) {
            quartz.rescheduleJob(trigger, t);
        } else {
            quartz.scheduleJob(t);
        }
    }

    /**
     * Counts the triggers Quartz found past their time ({@code sharedict_jobs_misfires_total{group}}):
     * a job that runs late because every instance was busy or down is how a missed page starts, and
     * the chart's alert rules watch this. Registered at zero, so the series exists before the first.
     */
    public static void countMisfires(Scheduler quartz, MeterRegistry registry, String... groups)
            throws SchedulerException {
        for (String group : groups) {
            misfires(registry, group);
        }
        quartz.getListenerManager().addTriggerListener(new TriggerListener() {
            @Override
            public String getName() {
                return "sharedict-misfire-counter";
            }

            @Override
            public void triggerMisfired(Trigger trigger) {
                misfires(registry, trigger.getKey().getGroup()).increment();
            }

            @Override
            public void triggerFired(Trigger trigger, JobExecutionContext context) {}

            @Override
            public boolean vetoJobExecution(Trigger trigger, JobExecutionContext context) {
                return false;
            }

            @Override
            public void triggerComplete(
                    Trigger trigger, JobExecutionContext context, Trigger.CompletedExecutionInstruction instruction) {}
        });
    }

    private static Counter misfires(MeterRegistry registry, String group) {
        return Counter.builder("sharedict.jobs.misfires")
                .tag("group", group)
                .description("Quartz triggers that fired later than their time")
                .register(registry);
    }
}
