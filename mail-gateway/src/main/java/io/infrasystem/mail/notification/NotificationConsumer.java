package io.infrasystem.mail.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.commons.security.Actor;
import io.infrasystem.mail.message.MessageService;
import io.infrasystem.mail.message.MessageValidator;
import io.infrasystem.mail.message.SendRequest;
import io.infrasystem.mail.message.Submitter;
import io.infrasystem.mail.message.ValidatedMessage;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code notification.requested} CloudEvents (Kafka binary mode: {@code ce_id},
 * {@code ce_type}, {@code ce_source} headers, JSON value) from the {@code notifications} topic and
 * queues the email they ask for. Exactly one message per event id: the id is recorded in the same
 * transaction as the message ({@link ProcessedEvents}); the event's {@code idempotency_key} is a
 * second guard across different event ids of the same source. Events of other types are skipped;
 * invalid ones are logged with the reasons and skipped (a retry would fail the same way).
 */
@ApplicationScoped
public class NotificationConsumer {

    /** The channel name; its topic is set in application.properties. */
    public static final String CHANNEL = "notifications";
    /** The CloudEvents type this consumer handles. */
    public static final String TYPE = "notification.requested";

    private static final Logger LOG = Logger.getLogger(NotificationConsumer.class);

    private final ObjectMapper json;
    private final MessageValidator validator;
    private final MessageService messages;
    private final ProcessedEvents processed;

    public NotificationConsumer(
            ObjectMapper json, MessageValidator validator, MessageService messages, ProcessedEvents processed) {
        this.json = json;
        this.validator = validator;
        this.messages = messages;
        this.processed = processed;
    }

    /**
     * Handles one record; returning acknowledges it, a database failure propagates (the record is
     * not acknowledged and the channel reports unhealthy).
     *
     * @param record the Kafka record
     */
    @Incoming(CHANNEL)
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        String id = header(record, "ce_id");
        String type = header(record, "ce_type");
        String source = header(record, "ce_source");
        if (!TYPE.equals(type)) {
            LOG.debugf("skipping event %s of type %s", id, type);
            return;
        }
        if (id == null || id.isBlank() || source == null || source.isBlank()) {
            LOG.warnf(
                    "skipping %s at %s-%d@%d: no ce_id or ce_source header",
                    type, record.topic(), record.partition(), record.offset());
            return;
        }
        if (!processed.firstTime(id, type)) {
            LOG.debugf("event %s already processed", id);
            return;
        }
        ValidatedMessage message;
        NotificationRequest request;
        try {
            request = json.readValue(record.value(), NotificationRequest.class);
            message = validator.validate(new SendRequest(
                    request.to(),
                    request.cc(),
                    request.bcc(),
                    null,
                    request.subject(),
                    request.text(),
                    request.html(),
                    request.template(),
                    request.variables(),
                    null,
                    request.channel()));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            LOG.warnf("skipping event %s from %s: data is not a notification request: %s", id, source, e.getMessage());
            return;
        } catch (ProblemException e) {
            LOG.warnf("skipping event %s from %s: %s %s", id, source, e.getMessage(), e.errors());
            return;
        }
        String key =
                request.idempotencyKey() == null || request.idempotencyKey().isBlank()
                        ? null
                        : request.idempotencyKey().strip();
        if (key != null && key.length() > 200) {
            key = key.substring(0, 200);
        }
        MessageService.Submitted submitted =
                messages.submit(message, new Submitter(Actor.system(source), "event", id, "event:" + source), key);
        processed.bind(id, submitted.message().id);
        LOG.debugf("event %s queued message %d (replayed: %s)", id, submitted.message().id, submitted.replayed());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
