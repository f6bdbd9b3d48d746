package io.infrasystem.gateway.token;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A key pair that signs internal tokens (RS256), as stored in table {@code signing_key}. */
@Entity
@Table(name = "signing_key")
public class SigningKey extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** JWS {@code kid}. */
    public String kid;

    /** JWS algorithm, {@code RS256}. */
    public String algorithm;

    /** X.509 SubjectPublicKeyInfo, DER, base64. */
    @Column(name = "public_key")
    public String publicKey;

    /** PKCS#8 private key, DER, base64. */
    @Column(name = "private_key")
    public String privateKey;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
