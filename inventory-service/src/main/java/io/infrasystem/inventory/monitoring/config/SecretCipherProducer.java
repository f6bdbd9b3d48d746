package io.infrasystem.inventory.monitoring.config;

import io.infrasystem.commons.crypto.SecretCipher;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes the commons {@link SecretCipher} of inventory-service from
 * {@code inventory.secrets.encryption-key} (env {@code INVENTORY_SECRETS_ENCRYPTION_KEY}; 32 bytes,
 * base64, {@code openssl rand -base64 32}): it encrypts the Zabbix API tokens, passwords and cached
 * sessions.
 */
public class SecretCipherProducer {

    /**
     * @return the cipher of stored secrets; unremovable, as {@link io.infrasystem.commons.crypto.EncryptedText}
     *     looks it up programmatically (no injection point keeps it)
     */
    @Produces
    @Singleton
    @io.quarkus.arc.Unremovable
    SecretCipher secretCipher(@ConfigProperty(name = "inventory.secrets.encryption-key") String key) {
        return new SecretCipher(key, "inventory.secrets.encryption-key");
    }
}
