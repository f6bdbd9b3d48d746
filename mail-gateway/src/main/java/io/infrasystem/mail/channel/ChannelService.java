package io.infrasystem.mail.channel;

import io.infrasystem.commons.audit.Change;
import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.filter.FilterSpec;
import io.infrasystem.commons.http.Versions;
import io.infrasystem.commons.paging.Page;
import io.infrasystem.commons.problem.Problem.FieldError;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.mail.listing.EntityLists;
import io.infrasystem.mail.listing.Names;
import io.infrasystem.mail.settings.SecretCipher;
import io.infrasystem.mail.smtp.Address;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Notification channels: list, read, create, replace and delete, each change with its audit entry
 * and {@code mail.channel.*} event in the same transaction. The webhook secret is stored encrypted
 * and never returned.
 */
@ApplicationScoped
public class ChannelService {

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

    public ChannelService(SecretCipher cipher, ChangeRecorder changes) {
        this.cipher = cipher;
        this.changes = changes;
    }

    /**
     * @param uri the request: filters {@code id}, {@code name}, {@code kind}, {@code enabled}, {@code q},
     *     {@code ordering}, {@code limit}/{@code offset}
     * @return a page of channels
     * @throws ProblemException 400 for bad filters or paging parameters
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ChannelViews.View> list(UriInfo uri) {
        return EntityLists.page(NotificationChannel.class, "c", FILTERS, uri, ChannelService::view);
    }

    /**
     * @return the channel (its {@code version} is the ETag)
     * @throws ProblemException 404 when unknown
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ChannelViews.View get(long id) {
        return view(find(id));
    }

    /**
     * @return the stored channel
     * @throws ProblemException 400 naming invalid fields, 409 for a taken name
     */
    @Transactional
    public ChannelViews.View create(ChannelViews.Input input) {
        validate(input);
        if (NotificationChannel.byName(input.name()).isPresent()) {
            throw ProblemException.conflict("a channel named '" + input.name() + "' exists already");
        }
        NotificationChannel c = new NotificationChannel();
        apply(c, input);
        c.createdAt = c.updatedAt;
        c.persistAndFlush();
        changes.record(Change.created(RESOURCE, c.id, view(c)));
        return view(c);
    }

    /**
     * Replaces a channel.
     *
     * @param ifMatch the ETag the caller read, or {@code null}
     * @return the stored channel
     * @throws ProblemException 400, 404, 409 (name taken), 412 (stale If-Match)
     */
    @Transactional
    public ChannelViews.View replace(long id, String ifMatch, ChannelViews.Input input) {
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
        return view(c);
    }

    /**
     * Deletes a channel with its pending deliveries.
     *
     * @param ifMatch the ETag the caller read, or {@code null}
     * @throws ProblemException 404, 412
     */
    @Transactional
    public void delete(long id, String ifMatch) {
        NotificationChannel c = find(id);
        Versions.checkIfMatch(ifMatch, c.version);
        ChannelViews.View before = view(c);
        ChannelDelivery.delete("channelId", id);
        c.delete();
        NotificationChannel.flush();
        changes.record(Change.deleted(RESOURCE, id, before));
    }

    /** A channel's destination, with its secret decrypted, for a test call. */
    record Target(String name, ChannelKind kind, String url, String secret, List<String> recipients) {}

    /** @throws ProblemException 404 when unknown */
    @Transactional(Transactional.TxType.SUPPORTS)
    Target target(long id) {
        NotificationChannel c = find(id);
        return new Target(
                c.name,
                ChannelKind.parse(c.kind),
                c.url,
                c.secretEncrypted == null ? null : cipher.decrypt(c.secretEncrypted),
                c.recipientList());
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

    private static ChannelViews.View view(NotificationChannel c) {
        return new ChannelViews.View(
                c.id,
                c.name,
                c.kind,
                c.url,
                c.secretEncrypted != null,
                c.recipientList(),
                c.enabled,
                c.version,
                c.createdAt,
                c.updatedAt);
    }
}
