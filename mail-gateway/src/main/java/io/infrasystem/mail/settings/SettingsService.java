package io.infrasystem.mail.settings;

import io.infrasystem.mail.config.MailConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Reads the SMTP settings in force (stored row, else configuration defaults). */
@ApplicationScoped
public class SettingsService {

    private final MailConfig.Smtp defaults;
    private final SecretCipher cipher;

    public SettingsService(MailConfig config, SecretCipher cipher) {
        this.defaults = config.smtp();
        this.cipher = cipher;
    }

    /** @return the settings in force now (joins the caller's transaction or runs its own read) */
    @Transactional
    public EffectiveSettings effective() {
        SmtpSettings row = SmtpSettings.findById(SmtpSettings.ROW);
        if (row == null) {
            return new EffectiveSettings(
                    defaults.host(),
                    defaults.port(),
                    TlsMode.parse(defaults.tlsMode()),
                    defaults.username().orElse(null),
                    defaults.password().orElse(null),
                    defaults.fromAddress(),
                    defaults.ratePerMinute(),
                    false,
                    0);
        }
        return new EffectiveSettings(
                row.host,
                row.port,
                TlsMode.parse(row.tlsMode),
                row.username,
                row.passwordEncrypted == null ? null : cipher.decrypt(row.passwordEncrypted),
                row.fromAddress,
                row.ratePerMinute,
                true,
                row.version);
    }
}
