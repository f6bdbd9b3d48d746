package io.infrasystem.mail.settings;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;

/** The stored SMTP settings: one row with id 1, absent until an administrator saves them. */
@Entity
public class SmtpSettings extends PanacheEntityBase {
    /** The id of the one row. */
    public static final int ROW = 1;

    @Id
    public Integer id;

    public String host;
    public int port;
    public String tlsMode;
    public String username;
    /**
     * {@code v1:} + base64(IV | ciphertext | tag), AES-256-GCM; see
     * {@link io.infrasystem.commons.crypto.SecretCipher}.
     */
    public String passwordEncrypted;

    public String fromAddress;
    public int ratePerMinute;

    @Version
    public long version;

    public Instant createdAt;
    public Instant updatedAt;
}
