package io.infrasystem.vm.secret;

import io.smallrye.config.ConfigMapping;

/** Secrets at rest of vm-service ({@code infra.vm.secrets.*}). */
@ConfigMapping(prefix = "infra.vm.secrets")
public interface SecretsConfig {

    /**
     * @return the AES-256 key (32 bytes, base64; env {@code INFRA_VM_SECRETS_ENCRYPTION_KEY},
     *     {@code openssl rand -base64 32}) that encrypts the n8n webhook header secrets of system APIs
     */
    String encryptionKey();
}
