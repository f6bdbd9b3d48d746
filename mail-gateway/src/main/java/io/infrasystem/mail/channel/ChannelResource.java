package io.infrasystem.mail.channel;

import io.infrasystem.commons.audit.Change;
import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.filter.FilterSpec;
import io.infrasystem.commons.http.Versions;
import io.infrasystem.commons.paging.Page;
import io.infrasystem.commons.problem.Problem.FieldError;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.commons.security.Scopes;
import io.infrasystem.mail.config.MailConfig;
import io.infrasystem.mail.delivery.Envelope;
import io.infrasystem.mail.delivery.SendOutcome;
import io.infrasystem.mail.delivery.SmtpTransport;
import io.infrasystem.mail.listing.EntityLists;
import io.infrasystem.mail.listing.Names;
import io.infrasystem.mail.message.Address;
import io.infrasystem.mail.settings.EffectiveSettings;
import io.infrasystem.mail.settings.SecretCipher;
import io.infrasystem.mail.settings.SettingsService;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Notification channels: list and read (readers), create, replace, delete and test (administrators).
 * The webhook secret is stored encrypted and never returned.
 */
@Path("/api/mail/channels")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class ChannelResource {

    private static final String RESOURCE = "channel";
    private static final FilterSpec FILTERS = FilterSpec.builder("c.id")
            .field(FilterField.integer("id", "c.id"))
            .field(FilterField.text("name", "c.name"))
            .field(FilterField.choice("kind", "c.kind", Set.of("email", "slack", "webhook")))
            .field(FilterField.bool("enabled", "c.enabled"))
            .search("c.name")
            .defaultOrdering("name")
            .build();

    private final SecretCipher cipher;
    private final ChangeRecorder changes;
    private final WebhookClient webhooks;
    private final ChannelPayloads payloads;
    private final SmtpTransport smtp;
    private final SettingsService settings;
    private final Duration sendTimeout;

    public ChannelResource(
            SecretCipher cipher,
            ChangeRecorder changes,
            WebhookClient webhooks,
            ChannelPayloads payloads,
            SmtpTransport smtp,
            SettingsService settings,
            MailConfig config) {
        this.cipher = cipher;
        this.changes = changes;
        this.webhooks = webhooks;
        this.payloads = payloads;
        this.smtp = smtp;
        this.settings = settings;
        this.sendTimeout = config.delivery().sendTimeout();
    }

    /** @return a page of channels; filters {@code id}, {@code name}, {@code kind}, {@code enabled}, {@code q} */
    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    @RolesAllowed({Scopes.MAIL_SEND, Scopes.VIEWER, Scopes.EDITOR, Scopes.ADMIN})
    public Page<ChannelViews.View> list(@Context UriInfo uri) {
        return EntityLists.page(NotificationChannel.class, "c", FILTERS, uri, ChannelResource::view);
    }

    /** @return the channel, ETag = version; 404 when unknown */
    @GET
    @Path("{id}")
    @Transactional(Transactional.TxType.SUPPORTS)
    @RolesAllowed({Scopes.MAIL_SEND, Scopes.VIEWER, Scopes.EDITOR, Scopes.ADMIN})
    public Response get(@PathParam("id") long id) {
        NotificationChannel c = find(id);
        return Response.ok(view(c)).tag(Versions.etag(c.version)).build();
    }

    /** @return 201 with the channel; 400 naming invalid fields, 409 for a taken name */
    @POST
    @Transactional
    @RolesAllowed(Scopes.ADMIN)
    public Response create(ChannelViews.Input input, @Context UriInfo uri) {
        validate(input);
        if (NotificationChannel.byName(input.name()).isPresent()) {
            throw ProblemException.conflict("a channel named '" + input.name() + "' exists already");
        }
        NotificationChannel c = new NotificationChannel();
        apply(c, input);
        c.createdAt = c.updatedAt;
        c.persistAndFlush();
        changes.record(Change.created(RESOURCE, c.id, view(c)));
        return Response.created(
                        uri.getAbsolutePathBuilder().path(Long.toString(c.id)).build())
                .entity(view(c))
                .tag(Versions.etag(c.version))
                .build();
    }

    /** Replaces a channel; 400, 404, 409 (name taken), 412 (stale If-Match). */
    @PUT
    @Path("{id}")
    @Transactional
    @RolesAllowed(Scopes.ADMIN)
    public Response replace(
            @PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, ChannelViews.Input input) {
        validate(input);
        NotificationChannel c = find(id);
        Versions.checkIfMatch(ifMatch, c.version);
        NotificationChannel.byName(input.name())
                .filter(other -> !other.id.equals(c.id))
                .ifPresent(other -> {
                    throw ProblemException.conflict("a channel named '" + input.name() + "' exists already");
                });
        ChannelViews.View before = view(c);
        apply(c, input);
        c.flush();
        changes.record(Change.updated(RESOURCE, id, before, view(c)));
        return Response.ok(view(c)).tag(Versions.etag(c.version)).build();
    }

    /** Deletes a channel with its pending deliveries; 404, 412. */
    @DELETE
    @Path("{id}")
    @Consumes(MediaType.WILDCARD)
    @Transactional
    @RolesAllowed(Scopes.ADMIN)
    public Response delete(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
        NotificationChannel c = find(id);
        Versions.checkIfMatch(ifMatch, c.version);
        ChannelViews.View before = view(c);
        ChannelDelivery.delete("channelId", id);
        c.delete();
        NotificationChannel.flush();
        changes.record(Change.deleted(RESOURCE, id, before));
        return Response.noContent().build();
    }

    /**
     * Sends a test notification to the channel now: a JSON post to a webhook or Slack URL, or an
     * email to the recipients of an email channel.
     *
     * @return whether it was accepted, with the HTTP status (or SMTP reply code) and response detail
     */
    @POST
    @Path("{id}/test")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Scopes.ADMIN)
    public ChannelViews.TestResult test(@PathParam("id") long id) {
        Target target = target(id);
        Instant started = Instant.now();
        String subject = "Infra-System test notification for channel " + target.name();
        String text = "This is a test notification from Infra-System mail-gateway.";
        if (target.kind() == ChannelKind.EMAIL) {
            EffectiveSettings current = settings.effective();
            SendOutcome outcome = smtp.send(
                    current,
                    new Envelope(
                            "<channel-test-" + UUID.randomUUID() + "@mail-gateway>",
                            current.fromAddress(),
                            null,
                            target.recipients(),
                            List.of(),
                            List.of(),
                            subject,
                            text,
                            null,
                            List.of()),
                    sendTimeout);
            return new ChannelViews.TestResult(
                    outcome.kind() == SendOutcome.Kind.SENT,
                    outcome.replyCode(),
                    outcome.replyText(),
                    Duration.between(started, Instant.now()).toMillis());
        }
        String body = payloads.body(
                target.kind(),
                new ChannelPayloads.Notice(null, null, subject, text, null, List.of(), "mail-gateway", started));
        WebhookClient.Outcome outcome = webhooks.post(target.url(), body, target.secret());
        return new ChannelViews.TestResult(
                outcome.ok(),
                outcome.statusCode(),
                outcome.detail(),
                Duration.between(started, Instant.now()).toMillis());
    }

    private record Target(String name, ChannelKind kind, String url, String secret, List<String> recipients) {}

    @Transactional(Transactional.TxType.SUPPORTS)
    Target target(long id) {
        NotificationChannel c = find(id);
        return new Target(
                c.name,
                ChannelKind.parse(c.kind),
                c.url,
                c.secretEncrypted == null ? null : cipher.decrypt(c.secretEncrypted),
                recipients(c));
    }

    private static NotificationChannel find(long id) {
        return NotificationChannel.<NotificationChannel>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound(RESOURCE, id));
    }

    private void apply(NotificationChannel c, ChannelViews.Input input) {
        ChannelKind kind = ChannelKind.parse(input.kind());
        c.name = input.name();
        c.kind = kind.wire();
        c.enabled = input.enabled() == null || input.enabled();
        if (kind == ChannelKind.EMAIL) {
            c.url = null;
            c.secretEncrypted = null;
            c.recipients = String.join(
                    "\n",
                    input.recipients().stream()
                            .map(r -> Address.parse(r).header())
                            .toList());
        } else {
            c.url = input.url().strip();
            c.recipients = null;
            if (input.secret() != null) {
                c.secretEncrypted = input.secret().isEmpty() ? null : cipher.encrypt(input.secret());
            }
        }
        c.updatedAt = Instant.now();
    }

    private static void validate(ChannelViews.Input input) {
        if (input == null) {
            throw ProblemException.invalid("body", "a JSON object is required");
        }
        List<FieldError> errors = new ArrayList<>();
        if (!Names.valid(input.name())) {
            errors.add(new FieldError("name", Names.RULE));
        }
        ChannelKind kind = null;
        try {
            kind = ChannelKind.parse(input.kind());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("kind", e.getMessage()));
        }
        if (kind == ChannelKind.EMAIL) {
            if (input.recipients() == null || input.recipients().isEmpty()) {
                errors.add(new FieldError("recipients", "an email channel needs at least one recipient"));
            } else if (input.recipients().size() > 50) {
                errors.add(new FieldError("recipients", "at most 50 recipients"));
            } else {
                for (int i = 0; i < input.recipients().size(); i++) {
                    try {
                        Address.parse(input.recipients().get(i));
                    } catch (IllegalArgumentException e) {
                        errors.add(new FieldError("recipients[" + i + "]", e.getMessage()));
                    }
                }
            }
        } else if (kind != null) {
            if (!validUrl(input.url())) {
                errors.add(new FieldError("url", "must be an absolute http or https URL of at most 2000 characters"));
            }
            if (input.secret() != null && input.secret().length() > 256) {
                errors.add(new FieldError("secret", "must be at most 256 characters"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static boolean validUrl(String url) {
        if (url == null || url.length() > 2000) {
            return false;
        }
        try {
            URI uri = new URI(url.strip());
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static List<String> recipients(NotificationChannel c) {
        return c.recipients == null
                ? List.of()
                : Arrays.stream(c.recipients.split("\n"))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }

    private static ChannelViews.View view(NotificationChannel c) {
        return new ChannelViews.View(
                c.id,
                c.name,
                c.kind,
                c.url,
                c.secretEncrypted != null,
                recipients(c),
                c.enabled,
                c.version,
                c.createdAt,
                c.updatedAt);
    }
}
