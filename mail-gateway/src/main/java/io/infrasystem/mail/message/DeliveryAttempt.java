package io.infrasystem.mail.message;

import jakarta.persistence.Entity;
import java.time.Instant;
import java.util.List;

/** One SMTP delivery attempt of a message with the server's reply. */
@Entity
public class DeliveryAttempt extends MessagePart {

    public int attemptNo;
    public Instant startedAt;
    public long durationMs;
    /** {@code sent}, {@code transient} or {@code permanent}. */
    public String outcome;

    public Integer replyCode;
    public String replyText;
    public String smtpHost;
    public String instance;

    /** @return the attempts of a message, oldest first */
    public static List<DeliveryAttempt> of(long messageId) {
        return list("messageId = ?1 order by attemptNo", messageId);
    }
}
