package io.infrasystem.gateway.token;

import io.infrasystem.commons.crud.Stamped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A key pair that signs internal tokens (RS256), as stored in table {@code signing_key}; only ever
 * appended. Id and {@code created_at}/{@code updated_at} (the key's age) come from {@link Stamped}.
 */
@Entity
@Table(name = "signing_key")
public class SigningKey extends Stamped {

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
}
