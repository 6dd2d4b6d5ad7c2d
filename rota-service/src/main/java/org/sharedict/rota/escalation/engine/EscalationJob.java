package org.sharedict.rota.escalation.engine;

import java.time.Instant;

import jakarta.enterprise.context.Dependent;

import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;

/** The Quartz job behind one escalation step of one incident. */
@Dependent
public class EscalationJob implements Job {

    static final String INCIDENT = "incident";
    static final String STEP = "step";
    static final String PASS = "pass";
    static final String DUE = "due";

    private final Escalations escalations;

    EscalationJob(Escalations escalations) {
        this.escalations = escalations;
    }

    @Override
    public void execute(JobExecutionContext context) {
        JobDataMap d = context.getMergedJobDataMap();
        escalations.fire(
                Long.parseLong(d.getString(INCIDENT)),
                Integer.parseInt(d.getString(STEP)),
                Integer.parseInt(d.getString(PASS)),
                Instant.ofEpochMilli(Long.parseLong(d.getString(DUE))));
    }
}
