package io.infrasystem.vm.secret;

import io.infrasystem.commons.crypto.SecretCipher;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Encrypts at start-up the n8n header secrets stored in clear by versions before encryption at rest
 * (values without the {@code v1:} prefix), in one transaction; an already encrypted database is
 * left as it is.
 */
@ApplicationScoped
public class LegacySecrets {

    private static final Logger LOG = Logger.getLogger(LegacySecrets.class);

    private final EntityManager em;
    private final SecretCipher cipher;

    public LegacySecrets(EntityManager em, SecretCipher cipher) {
        this.em = em;
        this.cipher = cipher;
    }

    /**
     * Encrypts every header secret still stored in clear.
     *
     * @param start the start-up event (unused)
     */
    @Transactional
    public void encryptClearValues(@Observes StartupEvent start) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select id, auth_header_value from system_api where auth_header_value is not null"
                                + " and auth_header_value not like 'v1:%'")
                .getResultList();
        for (Object[] row : rows) {
            em.createNativeQuery("update system_api set auth_header_value = ?1 where id = ?2")
                    .setParameter(1, cipher.encrypt((String) row[1]))
                    .setParameter(2, ((Number) row[0]).longValue())
                    .executeUpdate();
        }
        if (!rows.isEmpty()) {
            LOG.infof("encrypted %d n8n header secret(s) stored in clear", rows.size());
        }
    }
}
