package org.sharedict.dr.review;

import jakarta.enterprise.context.Dependent;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** The Quartz job behind the daily review check; one run at a time across the cluster. */
@Dependent
@DisallowConcurrentExecution
public class ReviewCheckJob implements Job {

    private final ReviewService reviews;

    ReviewCheckJob(ReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(JobExecutionContext context) {
        reviews.markOverdueAndRemind();
    }
}
