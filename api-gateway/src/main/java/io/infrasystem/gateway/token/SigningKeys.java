package io.infrasystem.gateway.token;

import io.infrasystem.gateway.config.GatewayConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The RSA keys (2048 bit, RS256) that sign internal tokens. At start-up the newest key of table
 * {@code signing_key} becomes the current one; when there is none, or it is older than
 * {@code infra.gateway.token.key-rotation-period}, a new one is generated and stored first (rotation
 * by configuration: lowering the period and restarting rotates). The JWKS publishes the current key
 * and the previous one, so tokens signed just before a rotation still verify.
 */
@Startup
@ApplicationScoped
public class SigningKeys {

    /** Algorithm of every internal token. */
    public static final String ALGORITHM = "RS256";

    private final EntityManager entityManager;
    private final GatewayConfig config;
    private volatile ActiveKey current;
    private volatile List<PublishedKey> published = List.of();

    /** A private key and its {@code kid}. */
    public record ActiveKey(String kid, PrivateKey privateKey) {}

    /** A public key as the JWKS shows it. */
    public record PublishedKey(String kid, RSAPublicKey publicKey) {}

    public SigningKeys(EntityManager entityManager, GatewayConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    /** Loads the current key, generating and storing one when none is young enough. */
    @jakarta.annotation.PostConstruct
    void load() {
        refresh();
    }

    /**
     * Reads the keys again (generating a new one if rotation is due). Concurrent instances
     * serialise on a table lock, so two gateways starting together create one key.
     */
    public void refresh() {
        QuarkusTransaction.requiringNew().run(this::loadOrRotate);
    }

    private void loadOrRotate() {
        entityManager
                .createNativeQuery("lock table signing_key in share row exclusive mode")
                .executeUpdate();
        List<SigningKey> keys =
                SigningKey.find("order by createdAt desc, id desc").page(0, 2).list();
        Instant now = Instant.now();
        if (keys.isEmpty()
                || keys.get(0)
                        .createdAt
                        .plus(config.token().keyRotationPeriod())
                        .isBefore(now)) {
            SigningKey fresh = generate();
            fresh.persistAndFlush();
            List<SigningKey> updated = new ArrayList<>();
            updated.add(fresh);
            if (!keys.isEmpty()) {
                updated.add(keys.get(0));
            }
            keys = updated;
        }
        List<PublishedKey> publishedKeys = new ArrayList<>();
        for (SigningKey key : keys) {
            publishedKeys.add(new PublishedKey(key.kid, publicKey(key.publicKey)));
        }
        current = new ActiveKey(keys.get(0).kid, privateKey(keys.get(0).privateKey));
        published = List.copyOf(publishedKeys);
    }

    /** @return the key that signs new tokens */
    public ActiveKey current() {
        return current;
    }

    /** @return current key first, then the previous one if any */
    public List<PublishedKey> published() {
        return published;
    }

    private static SigningKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            SigningKey key = new SigningKey();
            key.kid = UUID.randomUUID().toString();
            key.algorithm = ALGORITHM;
            key.publicKey = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
            key.privateKey =
                    Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation is unavailable", e);
        }
    }

    private static RSAPublicKey publicKey(String base64) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Stored signing key is not an RSA public key", e);
        }
    }

    private static PrivateKey privateKey(String base64) {
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Stored signing key is not an RSA private key", e);
        }
    }
}
