package org.sharedict.rota.notify;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.quarkus.logging.Log;

import org.sharedict.rota.platform.RotaConfig;

/**
 * The fast path of the outbox: a message due now is handed to a pool of senders the moment the
 * transaction that queued it commits, rather than waiting its turn in Quartz's store (one trigger
 * to insert, acquire under the cluster lock, fire and delete per message: a burst of pages queued
 * behind it for a minute). Nothing is lost when this pool is full or the instance dies: the row is
 * in the outbox, and {@link DeliverySweep} hands over any due message nobody has claimed.
 */
@ApplicationScoped
public class DeliveryWorkers {

    private final TransactionSynchronizationRegistry transactions;
    private final Deliveries deliveries;
    private final ThreadPoolExecutor pool;

    DeliveryWorkers(TransactionSynchronizationRegistry transactions, Deliveries deliveries, RotaConfig config) {
        this.transactions = transactions;
        this.deliveries = deliveries;
        int workers = config.delivery().workers();
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(
                workers,
                workers,
                60,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(config.delivery().queue()),
                r -> {
                    Thread t = new Thread(r, "delivery-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                },
                (r, p) -> Log.debug("delivery queue full: the sweep sends what is left"));
        this.pool.allowCoreThreadTimeOut(true);
    }

    /** Sends attempt 1 of the notification once the current transaction commits (at once outside one). */
    public void afterCommit(long notificationId) {
        if (transactions.getTransactionKey() == null) {
            submit(notificationId, 1);
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    submit(notificationId, 1);
                }
            }
        });
    }

    /** Sends the given attempt on the pool; the attempt's claim keeps two senders from both sending it. */
    void submit(long notificationId, int attempt) {
        if (pool.isShutdown()) {
            return;
        }
        pool.execute(() -> {
            try {
                deliveries.attempt(notificationId, attempt);
            } catch (RuntimeException e) {
                // The claim lapses and the sweep tries again; the row is never lost.
                Log.warnf(e, "delivery %d attempt %d failed before it was recorded", notificationId, attempt);
            }
        });
    }

    @PreDestroy
    void stop() {
        pool.shutdown();
    }
}
