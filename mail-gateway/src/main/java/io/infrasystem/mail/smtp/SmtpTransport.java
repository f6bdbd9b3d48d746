package io.infrasystem.mail.smtp;

import io.vertx.core.MultiMap;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailAttachment;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.SMTPException;
import io.vertx.ext.mail.StartTLSOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.mail.MailClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Hands messages to the SMTP server with the Vert.x mail client, the client Quarkus Mailer is
 * built on. Quarkus Mailer's own {@code Mailer} beans are configured once at start-up, but the
 * SMTP settings here are data that administrators change at run time, so the client is built from
 * the settings in force and rebuilt when they change (its connection pool is kept in between).
 *
 * <p>Classification (RFC 5321 §4.2.1): a 2xx reply after DATA is {@code sent}; 4xx replies, refused
 * connections, resets and timeouts are transient; 5xx replies and messages the client cannot encode
 * are permanent.
 */
@ApplicationScoped
public class SmtpTransport {

    private static final Logger LOG = Logger.getLogger(SmtpTransport.class);

    /** Most SMTP connections kept open (and transactions in flight) to the server. */
    public static final int CONNECTIONS = 4;

    private final Vertx vertx;
    private Client current;

    public SmtpTransport(Vertx vertx) {
        this.vertx = vertx;
    }

    private record Client(EffectiveSettings settings, MailClient client) {}

    /**
     * The outcome of one message of {@link #sendAll}.
     *
     * @param outcome what happened
     * @param ended when the final reply (or the failure) came
     */
    public record Result(SendOutcome outcome, Instant ended) {}

    /**
     * Sends one message and waits for the server's final reply.
     *
     * @param settings the SMTP settings in force
     * @param envelope the message
     * @param timeout longest wait for the whole transaction
     * @return the outcome with the server's reply code and text
     */
    public SendOutcome send(EffectiveSettings settings, Envelope envelope, Duration timeout) {
        MailMessage message;
        try {
            message = toVertx(envelope);
        } catch (RuntimeException e) {
            return new SendOutcome(SendOutcome.Kind.PERMANENT, null, "message cannot be encoded: " + e.getMessage());
        }
        try {
            var result = client(settings).sendMail(message).await().atMost(timeout);
            return new SendOutcome(
                    SendOutcome.Kind.SENT,
                    250,
                    "accepted for " + result.getRecipients().size() + " recipient(s)");
        } catch (RuntimeException e) {
            return classify(e);
        }
    }

    /**
     * Sends several messages at once over the client's pooled connections (at most
     * {@value #CONNECTIONS} SMTP transactions in flight, the others wait for a free connection)
     * and waits for every final reply.
     *
     * @param settings the SMTP settings in force
     * @param envelopes the messages, in queue order (handed over in that order as connections free up)
     * @param timeout longest wait for each message, counted from the call (so send at most
     *     {@value #CONNECTIONS} at once: a message waiting for a connection is waiting too)
     * @return the outcome of each message with the time it came, in the same order
     */
    public List<Result> sendAll(EffectiveSettings settings, List<Envelope> envelopes, Duration timeout) {
        MailClient client = client(settings);
        List<CompletableFuture<Result>> pending = new ArrayList<>(envelopes.size());
        for (Envelope envelope : envelopes) {
            MailMessage message;
            try {
                message = toVertx(envelope);
            } catch (RuntimeException e) {
                pending.add(CompletableFuture.completedFuture(new Result(
                        new SendOutcome(
                                SendOutcome.Kind.PERMANENT, null, "message cannot be encoded: " + e.getMessage()),
                        Instant.now())));
                continue;
            }
            pending.add(client.sendMail(message)
                    .map(result -> new SendOutcome(
                            SendOutcome.Kind.SENT,
                            250,
                            "accepted for " + result.getRecipients().size() + " recipient(s)"))
                    .ifNoItem()
                    .after(timeout)
                    .fail()
                    .onFailure()
                    .recoverWithItem(SmtpTransport::classify)
                    .map(outcome -> new Result(outcome, Instant.now()))
                    .subscribeAsCompletionStage());
        }
        return pending.stream().map(CompletableFuture::join).toList();
    }

    static SendOutcome classify(Throwable error) {
        Throwable cause = error;
        while (cause != null) {
            if (cause instanceof SMTPException smtp) {
                int code = smtp.getReplyCode();
                SendOutcome.Kind kind = code >= 500 ? SendOutcome.Kind.PERMANENT : SendOutcome.Kind.TRANSIENT;
                return new SendOutcome(kind, code, truncate(smtp.getReplyMessage()));
            }
            if (cause instanceof TimeoutException
                    || cause instanceof ConnectException
                    || cause instanceof java.io.IOException) {
                return new SendOutcome(SendOutcome.Kind.TRANSIENT, null, truncate(describe(cause)));
            }
            if (cause.getCause() == cause) {
                break;
            }
            cause = cause.getCause();
        }
        if (error instanceof io.smallrye.mutiny.TimeoutException) {
            return new SendOutcome(SendOutcome.Kind.TRANSIENT, null, "no final reply within the send timeout");
        }
        return new SendOutcome(SendOutcome.Kind.TRANSIENT, null, truncate(describe(error)));
    }

    private synchronized MailClient client(EffectiveSettings settings) {
        if (current != null && Objects.equals(current.settings(), settings)) {
            return current.client();
        }
        if (current != null) {
            current.client().closeAndForget();
        }
        MailConfig config = new MailConfig()
                .setHostname(settings.host())
                .setPort(settings.port())
                .setSsl(settings.tlsMode() == TlsMode.TLS)
                .setStarttls(
                        settings.tlsMode() == TlsMode.STARTTLS ? StartTLSOptions.REQUIRED : StartTLSOptions.DISABLED)
                .setKeepAlive(true)
                .setMaxPoolSize(CONNECTIONS)
                .setAllowRcptErrors(false)
                .setOwnHostname("mail-gateway");
        if (settings.username() != null) {
            config.setLogin(LoginOption.REQUIRED)
                    .setUsername(settings.username())
                    .setPassword(settings.password());
        } else {
            config.setLogin(LoginOption.DISABLED);
        }
        config.setConnectTimeout(10_000);
        LOG.infof(
                "SMTP client for %s:%d (%s)",
                settings.host(), settings.port(), settings.tlsMode().wire());
        current = new Client(settings, MailClient.create(vertx, config));
        return current.client();
    }

    private static MailMessage toVertx(Envelope envelope) {
        MailMessage message = new MailMessage()
                .setFrom(envelope.from())
                .setTo(envelope.to().isEmpty() ? null : envelope.to())
                .setCc(envelope.cc().isEmpty() ? null : envelope.cc())
                .setBcc(envelope.bcc().isEmpty() ? null : envelope.bcc())
                .setSubject(envelope.subject())
                .setText(envelope.text())
                .setHtml(envelope.html());
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().set("Message-ID", envelope.messageId());
        if (envelope.replyTo() != null) {
            headers.set("Reply-To", envelope.replyTo());
        }
        message.setHeaders(headers);
        if (!envelope.attachments().isEmpty()) {
            message.setAttachment(envelope.attachments().stream()
                    .map(f -> MailAttachment.create()
                            .setName(f.fileName())
                            .setContentType(f.contentType())
                            .setData(Buffer.buffer(f.content()).getDelegate()))
                    .toList());
        }
        return message;
    }

    private static String describe(Throwable e) {
        String text = e.getMessage();
        return e.getClass().getSimpleName() + (text == null ? "" : ": " + text);
    }

    private static String truncate(String text) {
        if (text == null) {
            return null;
        }
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }

    @PreDestroy
    synchronized void close() {
        if (current != null) {
            current.client().closeAndForget();
            current = null;
        }
    }
}
