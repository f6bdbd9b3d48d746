package io.infrasystem.commons.crypto;

import io.quarkus.arc.Arc;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Stores an entity's text field encrypted ({@link SecretCipher}, AES-256-GCM, {@code v1:…}) and
 * gives it back in clear to the code: the database and its backups never hold the secret. A value
 * stored before encryption was introduced (no {@code v1:} prefix) is read as it is (vm-service
 * encrypts such values at start-up). Needs a {@link SecretCipher} bean in the service (a producer
 * from the service's own key) that Quarkus keeps although nothing may inject it ({@code @Unremovable}
 * on the producer, or an injection point elsewhere): vm-service's n8n header secrets,
 * inventory-service's Zabbix credentials.
 */
@Converter
public class EncryptedText implements AttributeConverter<String, String> {

    @Override
    public String convertToDatabaseColumn(String plain) {
        return plain == null ? null : cipher().encrypt(plain);
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return stored == null || !SecretCipher.isEncrypted(stored) ? stored : cipher().decrypt(stored);
    }

    private static SecretCipher cipher() {
        return Arc.container().instance(SecretCipher.class).get();
    }
}
