package io.infrasystem.mail.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Configuration of mail-gateway ({@code infra.mail.*}). SMTP values here are the defaults used
 * until an administrator saves settings through {@code PUT /api/mail/settings}.
 */
@ConfigMapping(prefix = "infra.mail")
public interface MailConfig {

    /**
     * Key that encrypts stored secrets (SMTP password, webhook secrets) with AES-256-GCM: 32 bytes,
     * base64-encoded (env {@code INFRA_MAIL_ENCRYPTION_KEY}; {@code openssl rand -base64 32}).
     */
    String encryptionKey();

    /** Default SMTP server and sender. */
    Smtp smtp();

    /** The delivery worker. */
    Delivery delivery();

    /** Input limits of {@code POST /api/mail/messages}. */
    Limits limits();

    /** How long bookkeeping rows are kept. */
    Retention retention();

    /** How long bookkeeping rows are kept (messages and attempts, the transaction log, are kept). */
    interface Retention {
        /** Idempotency keys are deleted this long after they expired. */
        @WithDefault("1d")
        Duration expiredIdempotencyKeys();

        /** Consumed CloudEvents ids are kept this long (Kafka redelivers within its retention, 7 days by default). */
        @WithDefault("30d")
        Duration processedEvents();
    }

    /** Default SMTP server. */
    interface Smtp {
        /** Host name or address. */
        @WithDefault("127.0.0.1")
        String host();

        /** TCP port. */
        @WithDefault("2525")
        int port();

        /** {@code none}, {@code starttls} or {@code tls}. */
        @WithDefault("none")
        String tlsMode();

        /** User name for SMTP AUTH; none: no authentication. */
        Optional<String> username();

        /** Password for SMTP AUTH. */
        Optional<String> password();

        /** RFC 5322 From of every message. */
        @WithDefault("Infra-System <noreply@infra-system.local>")
        String fromAddress();

        /** Most messages handed to the SMTP server per minute, all instances together. */
        @WithDefault("600")
        int ratePerMinute();
    }

    /** The delivery worker. */
    interface Delivery {
        /** Whether this instance runs the worker. */
        @WithDefault("true")
        boolean enabled();

        /** Pause between two claims when nothing is due. */
        @WithDefault("1s")
        Duration pollInterval();

        /** Most messages one claim takes. */
        @WithDefault("20")
        int batchSize();

        /** Attempts before a transiently failing message ends as failed. */
        @WithDefault("8")
        int maxAttempts();

        /** Wait before the second attempt; doubles with every further attempt. */
        @WithDefault("30s")
        Duration initialBackoff();

        /** Longest wait between two attempts. */
        @WithDefault("1h")
        Duration maxBackoff();

        /** How long one SMTP transaction may take (connect to final reply). */
        @WithDefault("60s")
        Duration sendTimeout();

        /**
         * After this long, a message left in {@code sending} (its instance died) is claimed again.
         * Must exceed {@link #sendTimeout()}.
         */
        @WithDefault("5m")
        Duration claimTimeout();

        /** Name of this instance in claims and attempts; default: a random id per start. */
        Optional<String> instanceId();
    }

    /** Input limits. */
    interface Limits {
        /** Most recipients of one message, to, cc and bcc together. */
        @WithDefault("100")
        int maxRecipients();

        /** Longest subject, in characters (RFC 5322 line limit). */
        @WithDefault("998")
        int maxSubjectLength();

        /** Largest text or HTML body, in bytes of UTF-8. */
        @WithDefault("1048576")
        int maxBodyBytes();

        /** Most attachments of one message. */
        @WithDefault("20")
        int maxAttachments();

        /** Largest total size of the attachments of one message, decoded, in bytes. */
        @WithDefault("10485760")
        long maxAttachmentBytes();

        /** How long an Idempotency-Key returns the first message. */
        @WithDefault("24h")
        Duration idempotencyWindow();
    }
}
