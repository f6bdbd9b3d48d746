package io.infrasystem.vm.secret;

import io.infrasystem.commons.crypto.SecretCipher;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the commons {@link SecretCipher} of vm-service from {@code infra.vm.secrets.encryption-key}. */
public class SecretCipherProducer {

    /** @return the cipher of stored secrets (n8n webhook header values) */
    @Produces
    @Singleton
    SecretCipher secretCipher(SecretsConfig config) {
        return new SecretCipher(config.encryptionKey(), "infra.vm.secrets.encryption-key");
    }
}
