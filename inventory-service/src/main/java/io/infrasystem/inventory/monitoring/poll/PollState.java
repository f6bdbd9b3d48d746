package io.infrasystem.inventory.monitoring.poll;

import io.infrasystem.commons.crypto.EncryptedText;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * What the poller knows of one Zabbix connection (table {@code monitoring_poll_state}): machine
 * state, written without audit entries or events. The cached {@code user.login} session is stored
 * encrypted.
 */
@Entity
@Table(name = "monitoring_poll_state")
public class PollState extends PanacheEntityBase {

    @Id
    public Long configId;

    public ConnectionStatus status;
    public String detail;
    public String apiVersion;
    public Instant lastPollAt;
    public Instant lastSuccessAt;

    /** Consecutive failed polls. */
    public int failures;

    /** Highest Zabbix problem event id imported; {@code null} before the first successful poll. */
    public Long eventCursor;

    @Convert(converter = EncryptedText.class)
    public String sessionToken;

    public Instant sessionObtainedAt;
    public Instant createdAt;
    public Instant updatedAt;

    /** @return the API form */
    public PollStatusDto dto() {
        return new PollStatusDto(
                configId,
                status,
                detail,
                apiVersion,
                lastPollAt,
                lastSuccessAt,
                failures,
                eventCursor,
                sessionObtainedAt);
    }
}
