package io.infrasystem.mail.settings;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The stored SMTP settings: one row with id 1, absent until an administrator saves them. */
@Entity
@Table(name = "smtp_settings")
public class SmtpSettings extends PanacheEntityBase {
    /** The id of the one row. */
    public static final int ROW = 1;

    @Id
    public Integer id;

    public String host;
    public int port;

    @Column(name = "tls_mode")
    public String tlsMode;

    public String username;
    /** {@code v1:} + base64(IV | ciphertext | tag), AES-256-GCM; see {@link SecretCipher}. */
    @Column(name = "password_encrypted")
    public String passwordEncrypted;

    @Column(name = "from_address")
    public String fromAddress;

    @Column(name = "rate_per_minute")
    public int ratePerMinute;

    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
