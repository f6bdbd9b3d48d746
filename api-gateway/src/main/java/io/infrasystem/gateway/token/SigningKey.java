package io.infrasystem.gateway.token;

import io.infrasystem.commons.crud.Stamped;
import jakarta.persistence.Entity;

/**
 * A key pair that signs internal tokens (RS256), as stored in table {@code signing_key}; only ever
 * appended. Id and {@code created_at}/{@code updated_at} (the key's age) come from {@link Stamped}.
 */
@Entity
public class SigningKey extends Stamped {

    /** JWS {@code kid}. */
    public String kid;

    /** JWS algorithm, {@code RS256}. */
    public String algorithm;

    /** X.509 SubjectPublicKeyInfo, DER, base64. */
    public String publicKey;

    /** PKCS#8 private key, DER, base64. */
    public String privateKey;
}
