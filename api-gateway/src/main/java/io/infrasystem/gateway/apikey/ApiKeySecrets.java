package io.infrasystem.gateway.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Format, generation and hashing of API keys: {@code isk_<key_id>_<secret>} where {@code key_id} is
 * 12 lower-case hex characters (48 random bits, the look-up key) and {@code secret} is 256 random
 * bits in unpadded base64url (43 characters). Only SHA-256 of the secret is stored: for a secret of
 * 256 random bits a fast hash is as strong as a slow password hash (there is nothing to guess), and
 * it keeps authentication cheap. Comparison is constant-time.
 */
public final class ApiKeySecrets {

    /** Prefix that makes keys recognisable (and findable by secret scanners). */
    public static final String PREFIX = "isk_";

    private static final java.util.regex.Pattern FORMAT =
            java.util.regex.Pattern.compile("isk_([0-9a-f]{12})_([A-Za-z0-9_-]{43})");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeySecrets() {}

    /**
     * A freshly generated key.
     *
     * @param keyId public look-up part
     * @param secret secret part
     */
    public record NewKey(String keyId, String secret) {
        /** @return the full key the client sends */
        public String full() {
            return PREFIX + keyId + "_" + secret;
        }
    }

    /**
     * A presented key split in its parts.
     *
     * @param keyId public look-up part
     * @param secret secret part
     */
    public record Presented(String keyId, String secret) {}

    /** @return a new random key */
    public static NewKey generate() {
        byte[] id = new byte[6];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        return new NewKey(
                HexFormat.of().formatHex(id),
                Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /**
     * @param header value of {@code X-API-Key}
     * @return its parts, or empty when it does not have the key format
     */
    public static Optional<Presented> parse(String header) {
        Matcher matcher = FORMAT.matcher(header.strip());
        return matcher.matches() ? Optional.of(new Presented(matcher.group(1), matcher.group(2))) : Optional.empty();
    }

    /** @return SHA-256 of the secret, lower-case hex (64 characters) */
    public static String hash(String secret) {
        return HexFormat.of().formatHex(sha256(secret));
    }

    /** @return whether {@code secret} hashes to {@code storedHash}, compared in constant time */
    public static boolean matches(String secret, String storedHash) {
        return MessageDigest.isEqual(sha256(secret), HexFormat.of().parseHex(storedHash));
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
