package io.infrasystem.mail.settings;

import io.infrasystem.commons.audit.Change;
import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.http.Versions;
import io.infrasystem.commons.problem.Problem.FieldError;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.commons.security.Scopes;
import io.infrasystem.mail.config.MailConfig;
import io.infrasystem.mail.delivery.Envelope;
import io.infrasystem.mail.delivery.SendOutcome;
import io.infrasystem.mail.delivery.SmtpTransport;
import io.infrasystem.mail.message.Address;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * SMTP settings (administrators): read (the password is never returned), replace, and send a test
 * message that reports the server's reply.
 */
@Path("/api/mail/settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class SettingsResource {

    private final SettingsService settings;
    private final SecretCipher cipher;
    private final ChangeRecorder changes;
    private final SmtpTransport transport;
    private final MailConfig.Delivery delivery;

    public SettingsResource(
            SettingsService settings,
            SecretCipher cipher,
            ChangeRecorder changes,
            SmtpTransport transport,
            MailConfig config) {
        this.settings = settings;
        this.cipher = cipher;
        this.changes = changes;
        this.transport = transport;
        this.delivery = config.delivery();
    }

    /** @return the settings in force, ETag = version (0 while the defaults apply) */
    @GET
    @RolesAllowed(Scopes.ADMIN)
    public Response get() {
        SettingsViews.View view = view(settings.effective());
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }

    /**
     * Replaces the settings.
     *
     * @param ifMatch optional ETag of the version the caller read (412 when stale)
     * @param input the new settings
     * @return the stored settings
     * @throws ProblemException 400 naming invalid fields, 412 on a stale If-Match
     */
    @PUT
    @Transactional
    @RolesAllowed(Scopes.ADMIN)
    public Response put(@HeaderParam("If-Match") String ifMatch, SettingsViews.Input input) {
        List<FieldError> errors = validate(input);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        SmtpSettings row = SmtpSettings.findById(SmtpSettings.ROW);
        Versions.checkIfMatch(ifMatch, row == null ? 0 : row.version);
        Instant now = Instant.now();
        SettingsViews.View before = row == null ? null : view(settings.effective());
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
        SettingsViews.View after = view(settings.effective());
        changes.record(
                before == null
                        ? Change.created("settings", SmtpSettings.ROW, after)
                        : Change.updated("settings", SmtpSettings.ROW, before, after));
        return Response.ok(after).tag(Versions.etag(after.version())).build();
    }

    /**
     * Sends a test message now (not through the queue) with the settings in force.
     *
     * @param request the recipient
     * @return the SMTP server's reply
     * @throws ProblemException 400 when the address is invalid
     */
    @POST
    @Path("test")
    @RolesAllowed(Scopes.ADMIN)
    public SettingsViews.TestResult test(SettingsViews.TestRequest request) {
        Address to;
        try {
            to = Address.parse(request == null ? null : request.to());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("to", e.getMessage());
        }
        EffectiveSettings current = settings.effective();
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
        SendOutcome outcome = transport.send(current, envelope, delivery.sendTimeout());
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
