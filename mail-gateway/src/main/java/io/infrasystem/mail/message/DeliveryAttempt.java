package io.infrasystem.mail.message;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** One SMTP delivery attempt of a message with the server's reply. */
@Entity
@Table(name = "delivery_attempt")
public class DeliveryAttempt extends MessagePart {

    @Column(name = "attempt_no")
    public int attemptNo;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "duration_ms")
    public long durationMs;
    /** {@code sent}, {@code transient} or {@code permanent}. */
    public String outcome;

    @Column(name = "reply_code")
    public Integer replyCode;

    @Column(name = "reply_text")
    public String replyText;

    @Column(name = "smtp_host")
    public String smtpHost;

    public String instance;

    /** @return the attempts of a message, oldest first */
    public static List<DeliveryAttempt> of(long messageId) {
        return list("messageId = ?1 order by attemptNo", messageId);
    }
}
