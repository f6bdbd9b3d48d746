package io.infrasystem.mail.delivery;

import io.infrasystem.mail.config.MailConfig;
import io.infrasystem.mail.message.MessageQueued;
import io.infrasystem.mail.settings.SettingsService;
import io.infrasystem.mail.smtp.EffectiveSettings;
import io.infrasystem.mail.smtp.Envelope;
import io.infrasystem.mail.smtp.SendOutcome;
import io.infrasystem.mail.smtp.SmtpTransport;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * The delivery loop of one instance, on a thread of its own: claim due messages
 * ({@link DeliveryClaims}), send them one after the other in the order they were queued
 * ({@link SmtpTransport}), record each outcome ({@link DeliveryLog}), then post due channel
 * deliveries ({@link ChannelDispatcher}); when nothing was due, wait
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
        List<Long> ids = claims.claim(instance, config.batchSize(), current.ratePerMinute(), config.claimTimeout());
        for (Map.Entry<Long, Envelope> entry : log.envelopes(ids, instance).entrySet()) {
            if (!running) {
                break;
            }
            long id = entry.getKey();
            Instant started = Instant.now();
            SendOutcome outcome = transport.send(current, entry.getValue(), config.sendTimeout());
            log.complete(id, instance, current.host() + ":" + current.port(), started, outcome)
                    .ifPresent(status ->
                            LOG.debugf("message %d: %s (%s %s)", id, status, outcome.replyCode(), outcome.replyText()));
        }
        return ids.size() + channels.pass(instance);
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
