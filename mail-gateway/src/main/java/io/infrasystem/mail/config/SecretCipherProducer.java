package io.infrasystem.mail.config;

import io.infrasystem.commons.crypto.SecretCipher;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the commons {@link SecretCipher} of mail-gateway from {@code infra.mail.encryption-key}. */
public class SecretCipherProducer {

    /** @return the cipher of stored secrets (SMTP password, webhook secrets) */
    @Produces
    @Singleton
    SecretCipher secretCipher(MailConfig config) {
        return new SecretCipher(config.encryptionKey(), "infra.mail.encryption-key");
    }
}
