package io.infrasystem.mail.channel;

import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.crud.CrudKind;
import io.infrasystem.commons.crud.EntityCrudService;
import io.infrasystem.commons.crypto.SecretCipher;
import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.http.MergePatch;
import io.infrasystem.commons.http.OutboundGuard;
import io.infrasystem.commons.problem.Problem.FieldError;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.mail.named.Names;
import io.infrasystem.mail.smtp.Address;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Notification channels on the commons CRUD kernel: list, read, create, replace and delete, each
 * change with its audit entry and {@code mail.channel.*} event in the same transaction (a deleted
 * channel's deliveries go with it, {@code ON DELETE CASCADE}). The webhook secret is stored
 * encrypted and never returned.
 */
@ApplicationScoped
public class ChannelService extends EntityCrudService<NotificationChannel, ChannelViews.View, ChannelViews.Input> {

    static final CrudKind<NotificationChannel, ChannelViews.View, ChannelViews.Input> KIND = CrudKind.of(
                    "channel", NotificationChannel.class, ChannelViews.Input.class)
            .listedBy(CrudKind.filters("c", "name")
                    .fields(FilterField::text, "name")
                    .fields(FilterField::bool, "enabled")
                    .field(FilterField.choice("kind", "c.kind", Set.of("email", "slack", "webhook")))
                    .search("c.name"))
            .entity(NotificationChannel::new, ChannelViews::of, ChannelViews::input);
    private final SecretCipher cipher;
    private final OutboundGuard outbound;

    public ChannelService(ChangeRecorder changes, MergePatch mergePatch, SecretCipher cipher, OutboundGuard outbound) {
        super(changes, mergePatch, KIND);
        this.cipher = cipher;
        this.outbound = outbound;
    }

    /** A channel's destination, with its secret decrypted, for a test call. */
    record Target(String name, ChannelKind kind, String url, String secret, List<String> recipients) {}

    /** @throws ProblemException 404 when unknown */
    @Transactional(Transactional.TxType.SUPPORTS)
    Target target(long id) {
        NotificationChannel c = require(id);
        return new Target(
                c.name,
                ChannelKind.parse(c.kind),
                c.url,
                c.secretEncrypted == null ? null : cipher.decrypt(c.secretEncrypted),
                c.recipientList());
    }

    /**
     * Checks the input (400 naming every invalid field, 409 for a name another channel has) and
     * sets the channel from it; a {@code null} secret keeps the stored one, {@code ""} removes it.
     */
    @Override
    protected void apply(NotificationChannel c, ChannelViews.Input input) {
        NotificationChannel.byName(input.name())
                .filter(other -> !other.id.equals(c.id))
                .ifPresent(other -> {
                    throw ProblemException.conflict("a channel named '" + input.name() + "' exists already");
                });
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
        c.updatedAt = Instant.now(); // a replacement is a change even when no value differs: the version grows
    }

    @Override
    protected void validate(ChannelViews.Input input) {
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
            } else {
                outbound.refusal(input.url(), false).ifPresent(why -> errors.add(new FieldError("url", why)));
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
}
