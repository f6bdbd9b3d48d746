package io.infrasystem.mail.delivery;

import io.infrasystem.mail.config.MailConfig;
import io.infrasystem.mail.message.MessageQueued;
import io.infrasystem.mail.settings.SettingsService;
import io.infrasystem.mail.smtp.EffectiveSettings;
import io.infrasystem.mail.smtp.Envelope;
import io.infrasystem.mail.smtp.SmtpTransport;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * The delivery loop of one instance, on a thread of its own: claim a batch of due messages
 * ({@link DeliveryClaims}), send them one after the other in the order they were queued
 * ({@link SmtpTransport}, whose connections are kept open between messages), record the batch's
 * outcomes in one transaction ({@link DeliveryLog#completeAll}: one attempt row, audit entry and
 * event per message), then post due channel deliveries ({@link ChannelDispatcher}); when nothing
 * was due, wait
 * for the poll interval or for {@link #wakeUp()} (called after a commit that queued a message).
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    private final DeliveryClaims claims;
    private final DeliveryLog log;
    private final SmtpTransport transport;
    private final SettingsService settings;
    private final ChannelDispatcher channels;
    private final MailConfig.Delivery config;
    private final String instance;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private boolean woken;
    private volatile boolean running;
    private Thread thread;

    public DeliveryWorker(
            DeliveryClaims claims,
            DeliveryLog log,
            SmtpTransport transport,
            SettingsService settings,
            ChannelDispatcher channels,
            MailConfig config) {
        this.channels = channels;
        this.claims = claims;
        this.log = log;
        this.transport = transport;
        this.settings = settings;
        this.config = config.delivery();
        this.instance = config.delivery()
                .instanceId()
                .orElse("mail-" + UUID.randomUUID().toString().substring(0, 8));
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("delivery worker disabled on this instance");
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("mail-delivery").daemon().start(this::loop);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            wakeUp();
            thread.join(config.sendTimeout().toMillis() + 1000);
        }
    }

    /** Makes the worker look for due messages now instead of at the end of its poll interval. */
    public void wakeUp() {
        lock.lock();
        try {
            woken = true;
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessageQueued event) {
        wakeUp();
    }

    /** @return this instance's name in claims and attempts */
    public String instance() {
        return instance;
    }

    private void loop() {
        while (running) {
            boolean didWork = false;
            try {
                didWork = pass() > 0;
            } catch (RuntimeException e) {
                LOG.warnf(e, "delivery pass failed; next pass in %s", config.pollInterval());
            }
            if (!didWork) {
                await();
            }
        }
    }

    /**
     * Claims and sends one batch of messages, then posts due channel deliveries.
     *
     * @return the number of messages and channel deliveries attempted
     */
    int pass() {
        EffectiveSettings current = settings.effective();
        String smtpHost = current.host() + ":" + current.port();
        List<Long> ids = claims.claim(instance, config.batchSize(), current.ratePerMinute(), config.claimTimeout());
        long recorded = System.nanoTime();
        List<DeliveryLog.Attempt> attempts = new ArrayList<>(ids.size());
        List<Map.Entry<Long, Envelope>> due =
                new ArrayList<>(log.envelopes(ids, instance).entrySet());
        // waves of as many messages as the transport keeps connections open, handed over in queue order
        for (int from = 0; from < due.size() && running; from += SmtpTransport.CONNECTIONS) {
            List<Map.Entry<Long, Envelope>> wave =
                    due.subList(from, Math.min(due.size(), from + SmtpTransport.CONNECTIONS));
            Instant started = Instant.now();
            List<SmtpTransport.Result> results = transport.sendAll(
                    current, wave.stream().map(Map.Entry::getValue).toList(), config.sendTimeout());
            for (int i = 0; i < wave.size(); i++) {
                SmtpTransport.Result result = results.get(i);
                attempts.add(new DeliveryLog.Attempt(wave.get(i).getKey(), started, result.ended(), result.outcome()));
            }
            // a slow server: record outcomes at least every half claim timeout, as the claims age
            if (System.nanoTime() - recorded > config.claimTimeout().toNanos() / 2) {
                record(attempts, smtpHost);
                recorded = System.nanoTime();
            }
        }
        // one transaction for the batch's outcomes: a crash before it commits resends them (at least once)
        record(attempts, smtpHost);
        return ids.size() + channels.pass(instance);
    }

    private void record(List<DeliveryLog.Attempt> attempts, String smtpHost) {
        if (attempts.isEmpty()) {
            return;
        }
        log.completeAll(attempts, instance, smtpHost).forEach((id, status) -> LOG.debugf("message %d: %s", id, status));
        attempts.clear();
    }

    private void await() {
        lock.lock();
        try {
            if (!woken) {
                work.await(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
            }
            woken = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }
}
