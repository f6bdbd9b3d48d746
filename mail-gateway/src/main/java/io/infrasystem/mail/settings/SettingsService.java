package io.infrasystem.mail.settings;

import io.infrasystem.commons.audit.Change;
import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.crypto.SecretCipher;
import io.infrasystem.commons.http.Versions;
import io.infrasystem.commons.problem.Problem.FieldError;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.mail.config.MailConfig;
import io.infrasystem.mail.smtp.Address;
import io.infrasystem.mail.smtp.EffectiveSettings;
import io.infrasystem.mail.smtp.Envelope;
import io.infrasystem.mail.smtp.SendOutcome;
import io.infrasystem.mail.smtp.SmtpTransport;
import io.infrasystem.mail.smtp.TlsMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The SMTP settings: the ones in force (stored row, else configuration defaults), their
 * replacement by an administrator (with its audit entry and event), and a test message sent with
 * them.
 */
@ApplicationScoped
public class SettingsService {

    private final MailConfig.Smtp defaults;
    private final SecretCipher cipher;
    private final ChangeRecorder changes;
    private final SmtpTransport transport;
    private final Duration sendTimeout;

    public SettingsService(MailConfig config, SecretCipher cipher, ChangeRecorder changes, SmtpTransport transport) {
        this.defaults = config.smtp();
        this.cipher = cipher;
        this.changes = changes;
        this.transport = transport;
        this.sendTimeout = config.delivery().sendTimeout();
    }

    /** @return the view of the settings in force; {@code version} (0 while the defaults apply) is the ETag */
    public SettingsViews.View view() {
        return view(effective());
    }

    /**
     * @return the settings in force now (joins the caller's transaction or runs its own read: the
     *     delivery worker calls it from a thread without a request context)
     */
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

    /**
     * Replaces the settings.
     *
     * @param ifMatch optional ETag of the version the caller read
     * @param input the new settings; {@code password: null} keeps the stored one, {@code ""} removes it
     * @return the stored settings
     * @throws ProblemException 400 naming invalid fields, 412 on a stale If-Match
     */
    @Transactional
    public SettingsViews.View replace(String ifMatch, SettingsViews.Input input) {
        List<FieldError> errors = validate(input);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        SmtpSettings row = SmtpSettings.findById(SmtpSettings.ROW);
        Versions.checkIfMatch(ifMatch, row == null ? 0 : row.version);
        Instant now = Instant.now();
        SettingsViews.View before = row == null ? null : view(effective());
        if (row == null) {
            row = new SmtpSettings();
            row.id = SmtpSettings.ROW;
            row.createdAt = now;
        }
        row.host = input.host().strip();
        row.port = input.port();
        row.tlsMode = TlsMode.parse(input.tlsMode()).wire();
        row.username = input.username() == null || input.username().isBlank()
                ? null
                : input.username().strip();
        if (input.password() != null) {
            row.passwordEncrypted = input.password().isEmpty() ? null : cipher.encrypt(input.password());
        }
        row.fromAddress = Address.parse(input.fromAddress()).header();
        row.ratePerMinute = input.ratePerMinute();
        row.updatedAt = now;
        row.persistAndFlush();
        SettingsViews.View after = view(effective());
        changes.record(
                before == null
                        ? Change.created("settings", SmtpSettings.ROW, after)
                        : Change.updated("settings", SmtpSettings.ROW, before, after));
        return after;
    }

    /**
     * Sends a test message now (not through the queue) with the settings in force.
     *
     * @param request the recipient
     * @return the SMTP server's reply and the duration in milliseconds
     * @throws ProblemException 400 when the address is invalid
     */
    public SettingsViews.TestResult test(SettingsViews.TestRequest request) {
        Address to;
        try {
            to = Address.parse(request == null ? null : request.to());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("to", e.getMessage());
        }
        EffectiveSettings current = effective();
        String domain = to.email().substring(to.email().indexOf('@') + 1);
        Envelope envelope = new Envelope(
                "<test-" + UUID.randomUUID() + "@" + domain + ">",
                current.fromAddress(),
                null,
                List.of(to.header()),
                List.of(),
                List.of(),
                "Infra-System mail-gateway test message",
                "This is a test message from Infra-System mail-gateway via " + current.host() + ":" + current.port()
                        + ".",
                null,
                List.of());
        Instant started = Instant.now();
        SendOutcome outcome = transport.send(current, envelope, sendTimeout);
        return new SettingsViews.TestResult(
                outcome.kind().wire(),
                outcome.replyCode(),
                outcome.replyText(),
                Duration.between(started, Instant.now()).toMillis());
    }

    private static List<FieldError> validate(SettingsViews.Input input) {
        List<FieldError> errors = new ArrayList<>();
        if (input == null) {
            errors.add(new FieldError("body", "a JSON object is required"));
            return errors;
        }
        if (input.host() == null || !input.host().strip().matches("[A-Za-z0-9.:\\[\\]-]{1,255}")) {
            errors.add(new FieldError("host", "must be a host name or an IP address"));
        }
        if (input.port() == null || input.port() < 1 || input.port() > 65535) {
            errors.add(new FieldError("port", "must be 1 to 65535"));
        }
        try {
            TlsMode.parse(input.tlsMode());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("tls_mode", e.getMessage()));
        }
        if (input.username() != null
                && (input.username().length() > 255 || input.username().matches(".*[\\r\\n].*"))) {
            errors.add(new FieldError("username", "must be one line of at most 255 characters"));
        }
        if (input.password() != null && input.password().length() > 512) {
            errors.add(new FieldError("password", "must be at most 512 characters"));
        }
        try {
            Address.parse(input.fromAddress());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("from_address", e.getMessage()));
        }
        if (input.ratePerMinute() == null || input.ratePerMinute() < 1 || input.ratePerMinute() > 100_000) {
            errors.add(new FieldError("rate_per_minute", "must be 1 to 100000"));
        }
        return errors;
    }

    private static SettingsViews.View view(EffectiveSettings s) {
        return new SettingsViews.View(
                s.host(),
                s.port(),
                s.tlsMode().wire(),
                s.username(),
                s.password() != null,
                s.fromAddress(),
                s.ratePerMinute(),
                s.stored(),
                s.version());
    }
}
