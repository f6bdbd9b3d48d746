package io.infrasystem.vm.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.crud.CrudKind;
import io.infrasystem.commons.crud.EntityCrudService;
import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.http.MergePatch;
import io.infrasystem.commons.http.OutboundGuard;
import io.infrasystem.commons.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * System APIs (the n8n webhooks the triggers call) on the commons CRUD kernel: list (by name),
 * create (409 for a taken name), read, JSON Merge Patch ({@code If-Match}), delete; each write one
 * transaction recorded through the change hook.
 *
 * <p>Webhook authentication (n8n Header Auth): {@code auth_header_name} and {@code auth_header_value}
 * are set together or not at all (400 naming the missing one). The value is write-only: no answer,
 * audit entry or event carries it ({@link SystemApiDto} only says {@code auth_header_set}). A
 * {@code PATCH} that omits it keeps the stored one; {@code null} for either field clears both;
 * {@code auth_header_changed_at} moves whenever the pair is set, rotated or cleared. The value is
 * stored AES-256-GCM encrypted ({@link io.infrasystem.commons.crypto.EncryptedText}). A URL whose host is
 * or resolves to a loopback, link-local, private or metadata address is refused unless the
 * administrator's {@code infra.outbound.allow} names it.
 */
@ApplicationScoped
public class SystemApiService extends EntityCrudService<SystemApi, SystemApiDto, SystemApiInput> {

    static final CrudKind<SystemApi, SystemApiDto, SystemApiInput> KIND = CrudKind.of(
                    "system_api", SystemApi.class, SystemApiInput.class)
            .listedBy(CrudKind.filters("a", "name").fields(FilterField::text, "name"))
            .entity(SystemApi::new, SystemApi::dto, SystemApi::input);

    private static final String AUTH_HEADER_NAME = "auth_header_name";
    private static final String AUTH_HEADER_VALUE = "auth_header_value";
    /** Headers {@link java.net.http.HttpClient} refuses or the trigger sets (lower case). */
    private static final List<String> RESERVED_HEADERS =
            List.of("connection", "content-length", "content-type", "expect", "host", "upgrade");

    private OutboundGuard outbound;

    @Inject
    public SystemApiService(ChangeRecorder changes, MergePatch mergePatch, OutboundGuard outbound) {
        super(changes, mergePatch, KIND);
        this.outbound = outbound;
    }

    /** For the CDI client proxy only. */
    protected SystemApiService() {}

    /** A {@code null} for one auth field of the patch clears the other too, unless the patch sets it. */
    @Transactional
    @Override
    public SystemApiDto patch(long id, JsonNode patch, String ifMatch) {
        return super.patch(id, clearsBothAuthFields(patch), ifMatch);
    }

    private static void checkName(String name, Long self) {
        long taken = self == null
                ? SystemApi.count("name = ?1", name.strip())
                : SystemApi.count("name = ?1 and id <> ?2", name.strip(), self);
        if (taken > 0) {
            throw ProblemException.conflict("a system API named " + name + " exists already");
        }
    }

    /**
     * @param patch a merge patch
     * @return the patch, where a {@code null} for one auth field also nulls the other unless the patch
     *     sets it (then the pair check refuses the half)
     */
    private static JsonNode clearsBothAuthFields(JsonNode patch) {
        if (patch == null
                || !patch.isObject()
                || !(isExplicitNull(patch, AUTH_HEADER_NAME) || isExplicitNull(patch, AUTH_HEADER_VALUE))) {
            return patch;
        }
        ObjectNode copy = ((ObjectNode) patch).deepCopy();
        for (String field : List.of(AUTH_HEADER_NAME, AUTH_HEADER_VALUE)) {
            if (!copy.has(field)) {
                copy.putNull(field);
            }
        }
        return copy;
    }

    private static boolean isExplicitNull(JsonNode patch, String field) {
        return patch.has(field) && patch.get(field).isNull();
    }

    /** @throws ProblemException 400 for half a pair, or a header name the HTTP client sets itself */
    private static void checkAuthHeader(SystemApiInput input) {
        if (input.authHeaderName() != null && input.authHeaderValue() == null) {
            throw ProblemException.invalid(AUTH_HEADER_VALUE, "is required when auth_header_name is set");
        }
        if (input.authHeaderValue() != null && input.authHeaderName() == null) {
            throw ProblemException.invalid(AUTH_HEADER_NAME, "is required when auth_header_value is set");
        }
        if (input.authHeaderName() != null
                && RESERVED_HEADERS.contains(input.authHeaderName().toLowerCase(Locale.ROOT))) {
            throw ProblemException.invalid(
                    AUTH_HEADER_NAME,
                    "must not be one of " + RESERVED_HEADERS + ", which the trigger's HTTP client sets itself");
        }
    }

    /**
     * @throws ProblemException 400 for half an auth pair, a reserved header or a URL to an internal
     *     address ({@link OutboundGuard}), 409 for a taken name
     */
    @Override
    protected void apply(SystemApi api, SystemApiInput input) {
        checkAuthHeader(input);
        if (input.url() != null) {
            outbound.refusal(input.url(), false).ifPresent(why -> {
                throw ProblemException.invalid("url", why);
            });
        }
        checkName(input.name(), api.id);
        api.authHeaderChanged = api.id == null
                || !Objects.equals(api.authHeaderName, input.authHeaderName())
                || !Objects.equals(api.authHeaderValue, input.authHeaderValue());
        api.name = input.name().strip();
        api.url = input.url().strip();
        api.method = input.method();
        api.resourceType = input.resourceType();
        api.source = input.source() == null || input.source().isBlank()
                ? null
                : input.source().strip();
        api.active = input.isActive();
        api.authHeaderName = input.authHeaderName();
        api.authHeaderValue = input.authHeaderValue();
    }
}
