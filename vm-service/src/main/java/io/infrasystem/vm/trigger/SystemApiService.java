package io.infrasystem.vm.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.infrasystem.commons.audit.Change;
import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.http.MergePatch;
import io.infrasystem.commons.http.Versions;
import io.infrasystem.commons.paging.Page;
import io.infrasystem.commons.paging.PageRequest;
import io.infrasystem.commons.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * System APIs (the n8n webhooks the triggers call): list, create (409 for a taken name), read,
 * JSON Merge Patch ({@code If-Match}), delete; each write one transaction recorded through the
 * change hook.
 *
 * <p>Webhook authentication (n8n Header Auth): {@code auth_header_name} and {@code auth_header_value}
 * are set together or not at all (400 naming the missing one). The value is write-only: no answer,
 * audit entry or event carries it ({@link SystemApiDto} only says {@code auth_header_set}). A
 * {@code PATCH} that omits it keeps the stored one; {@code null} for either field clears both.
 */
@ApplicationScoped
public class SystemApiService {

    private static final String AUTH_HEADER_NAME = "auth_header_name";
    private static final String AUTH_HEADER_VALUE = "auth_header_value";
    /** Headers {@link java.net.http.HttpClient} refuses or the trigger sets (lower case). */
    private static final List<String> RESERVED_HEADERS =
            List.of("connection", "content-length", "content-type", "expect", "host", "upgrade");

    private final ChangeRecorder changes;
    private final MergePatch mergePatch;

    public SystemApiService(ChangeRecorder changes, MergePatch mergePatch) {
        this.changes = changes;
        this.mergePatch = mergePatch;
    }

    /** @return a page of entries, by name */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<SystemApiDto> list(UriInfo uri) {
        PageRequest page = PageRequest.from(uri.getQueryParameters());
        var query = SystemApi.<SystemApi>find("order by name, id");
        long count = query.count();
        return Page.of(
                query.range((int) page.offset(), (int) (page.offset() + page.limit() - 1)).list().stream()
                        .map(SystemApi::dto)
                        .toList(),
                count,
                page,
                uri);
    }

    /** @return one entry; 404 when unknown */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SystemApiDto get(long id) {
        return find(id).dto();
    }

    /** @return the created entry; 400 invalid, 409 name taken */
    @Transactional
    public SystemApiDto create(SystemApiInput input) {
        if (input == null) {
            throw ProblemException.invalid("body", "a system API is required");
        }
        mergePatch.validate(input);
        checkAuthHeader(input);
        checkName(input.name(), null);
        SystemApi api = new SystemApi();
        apply(api, input);
        api.createdAt = Instant.now();
        api.authHeaderChangedAt = api.authHeaderName == null ? null : api.createdAt;
        api.updatedAt = api.createdAt;
        api.persistAndFlush();
        changes.record(Change.created("system_api", api.id, api.dto()));
        return api.dto();
    }

    /** @return the entry after the JSON Merge Patch; 400, 404, 409 name taken, 412 stale {@code ifMatch} */
    @Transactional
    public SystemApiDto patch(long id, JsonNode patch, String ifMatch) {
        SystemApi api = find(id);
        Versions.checkIfMatch(ifMatch, api.version);
        SystemApiDto before = api.dto();
        SystemApiInput input = mergePatch.apply(
                new SystemApiInput(
                        api.name,
                        api.url,
                        api.method,
                        api.resourceType,
                        api.source,
                        api.active,
                        api.authHeaderName,
                        api.authHeaderValue),
                clearsBothAuthFields(patch),
                SystemApiInput.class);
        checkAuthHeader(input);
        checkName(input.name(), id);
        boolean authChanged = !Objects.equals(api.authHeaderName, input.authHeaderName())
                || !Objects.equals(api.authHeaderValue, input.authHeaderValue());
        apply(api, input);
        api.updatedAt = Instant.now();
        if (authChanged) {
            api.authHeaderChangedAt = api.updatedAt;
        }
        api.flush();
        changes.record(Change.updated("system_api", id, before, api.dto()));
        return api.dto();
    }

    /** Deletes an entry; 404, 412 stale {@code ifMatch}. */
    @Transactional
    public void delete(long id, String ifMatch) {
        SystemApi api = find(id);
        Versions.checkIfMatch(ifMatch, api.version);
        SystemApiDto before = api.dto();
        api.delete();
        api.flush();
        changes.record(Change.deleted("system_api", id, before));
    }

    private static SystemApi find(long id) {
        return SystemApi.<SystemApi>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("system api", id));
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

    private static void apply(SystemApi api, SystemApiInput input) {
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
