package io.infrasystem.vm.manual;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrasystem.commons.audit.Change;
import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.http.MergePatch;
import io.infrasystem.commons.http.Versions;
import io.infrasystem.commons.persistence.Jdbc;
import io.infrasystem.commons.persistence.UtcTimes;
import io.infrasystem.commons.problem.Problem.FieldError;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.commons.problem.ProblemKind;
import io.infrasystem.commons.security.CurrentActor;
import io.infrasystem.vm.virtualmachine.VmDetailQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Writes of what people maintain on VMs: manual data and overrides, manual IPs, tags, custom
 * fields, technical owner, soft delete and restore by hand. Sync never touches any of it. Each
 * write locks the VM row, records the change (audit + {@code vm.vm.updated} / {@code deleted} /
 * {@code restored} event) in its transaction, and answers 404 for an unknown VM.
 */
@ApplicationScoped
public class ManualService {

    /** A write on one VM inside its transaction. */
    @FunctionalInterface
    interface Mutation {
        void apply(Jdbc jdbc, ManualView before) throws SQLException;
    }

    private final DataSource dataSource;
    private final ChangeRecorder changes;
    private final MergePatch mergePatch;
    private final CurrentActor actor;

    public ManualService(DataSource dataSource, ChangeRecorder changes, MergePatch mergePatch, CurrentActor actor) {
        this.dataSource = dataSource;
        this.changes = changes;
        this.mergePatch = mergePatch;
        this.actor = actor;
    }

    /** @return the manual view of a VM; 404 when unknown */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ManualView view(long vmId) {
        return Jdbc.withConnection(dataSource, jdbc -> view(jdbc, vmId, false));
    }

    /**
     * Merges a JSON Merge Patch into the VM's manual data.
     *
     * @param ifMatch {@code If-Match} header or null
     * @param admin whether the caller holds {@code admin}: only an admin changes the technical owner
     *     (the quick-assign rule), whatever the path
     * @return the manual view after the change
     * @throws ProblemException 400 invalid patch or unknown owner, 403 a technical owner change by a
     *     non-admin (nothing written), 404 unknown VM, 412 stale version
     */
    @Transactional
    public ManualView patchManual(long vmId, String ifMatch, JsonNode patch, boolean admin) {
        return mutate(vmId, "updated", (jdbc, before) -> {
            Versions.checkIfMatch(ifMatch, before.manual().version());
            ManualInput input = mergePatch.apply(ManualInput.of(before.manual()), patch, ManualInput.class);
            if (!admin
                    && !Objects.equals(input.technicalOwnerId(), before.manual().technicalOwnerId())) {
                throw new ProblemException(
                        ProblemKind.FORBIDDEN,
                        "only an admin changes the technical owner (POST /api/vm/vms/" + vmId + "/technical-owner)",
                        List.of());
            }
            List<FieldError> errors = new ArrayList<>();
            checkOwner(jdbc, "business_owner_id", input.businessOwnerId(), errors);
            checkOwner(jdbc, "technical_owner_id", input.technicalOwnerId(), errors);
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
            upsert(jdbc, vmId, input);
        });
    }

    /**
     * Sets the technical owner (admin quick-assign).
     *
     * @throws ProblemException 400 unknown owner, 404 unknown VM
     */
    @Transactional
    public ManualView assignTechnicalOwner(long vmId, Long ownerId) {
        return mutate(vmId, "updated", (jdbc, before) -> {
            List<FieldError> errors = new ArrayList<>();
            if (ownerId == null) {
                errors.add(new FieldError("owner_id", "is required"));
            }
            checkOwner(jdbc, "owner_id", ownerId, errors);
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
            upsert(jdbc, vmId, ManualInput.of(before.manual(), ownerId));
        });
    }

    /**
     * Adds an IP entered by hand; sync never removes it.
     *
     * @throws ProblemException 400 not an IP address, 409 already on this VM
     */
    @Transactional
    public ManualView addIp(long vmId, String ip, boolean primary, String label) {
        String address = IpAddresses.normalize(ip);
        return mutate(vmId, "updated", (jdbc, before) -> {
            if (before.manualIps().stream().anyMatch(i -> i.ipAddress().equals(address))) {
                throw ProblemException.conflict("IP " + address + " is already on vm " + vmId);
            }
            if (label != null && label.length() > 255) {
                throw ProblemException.invalid("label", "must be at most 255 characters");
            }
            if (primary) {
                update(
                        jdbc,
                        "update vm_ip_manual set is_primary = false, updated_at = ? where vm_id = ? and is_primary",
                        now(),
                        vmId);
            }
            update(
                    jdbc,
                    "insert into vm_ip_manual (vm_id, ip_address, is_primary, label, created_at, updated_at) "
                            + "values (?, ?, ?, ?, ?, ?)",
                    vmId,
                    address,
                    primary,
                    label,
                    now(),
                    now());
        });
    }

    /** Removes a manual IP; 404 when the VM has no such IP. */
    @Transactional
    public ManualView removeIp(long vmId, long ipId) {
        return mutate(vmId, "updated", (jdbc, before) -> {
            if (update(jdbc, "delete from vm_ip_manual where vm_id = ? and id = ?", vmId, ipId) == 0) {
                throw ProblemException.notFound("manual ip", ipId);
            }
        });
    }

    /**
     * Adds and removes tags on several VMs, all or none.
     *
     * @param vmIds the VMs (1 to 1000)
     * @param add tags to add (already present: no change)
     * @param remove tags to remove (absent: no change)
     * @return the manual view of each VM after the change
     * @throws ProblemException 400 bad tag, 404 for any unknown VM
     */
    @Transactional
    public List<ManualView> tags(List<Long> vmIds, List<String> add, List<String> remove) {
        List<String> adding =
                add == null ? List.of() : add.stream().map(ManualService::tag).toList();
        List<String> removing = remove == null
                ? List.of()
                : remove.stream().map(ManualService::tag).toList();
        if (vmIds == null || vmIds.isEmpty() || vmIds.size() > 1000) {
            throw ProblemException.invalid("vm_ids", "must list 1 to 1000 VM ids");
        }
        String by = actor.resolve("manual").name();
        List<ManualView> out = new ArrayList<>();
        for (Long vmId : vmIds) {
            out.add(mutate(vmId, "updated", (jdbc, before) -> {
                for (String tag : adding) {
                    update(
                            jdbc,
                            "insert into vm_tag (vm_id, tag_value, created_by, created_at, updated_at) values "
                                    + "(?, ?, ?, ?, ?) on conflict do nothing",
                            vmId,
                            tag,
                            by,
                            now(),
                            now());
                }
                for (String tag : removing) {
                    update(jdbc, "delete from vm_tag where vm_id = ? and tag_value = ?", vmId, tag);
                }
            }));
        }
        return out;
    }

    /**
     * Sets and removes custom fields: each member of {@code fields} sets its key, a {@code null}
     * value removes it (JSON Merge Patch semantics).
     *
     * @throws ProblemException 400 when not an object, a key is not 1–100 characters of
     *     {@code [A-Za-z0-9_.-]}, or a value is not a string
     */
    @Transactional
    public ManualView customFields(long vmId, JsonNode fields) {
        if (fields == null || !fields.isObject()) {
            throw ProblemException.invalid("body", "must be a JSON object of key: value (null removes the key)");
        }
        List<FieldError> errors = new ArrayList<>();
        fields.properties().forEach(e -> {
            if (!e.getKey().matches("[A-Za-z0-9_.-]{1,100}")) {
                errors.add(new FieldError(e.getKey(), "a key is 1-100 characters of letters, digits, _ . -"));
            } else if (!e.getValue().isNull() && !e.getValue().isValueNode()) {
                errors.add(new FieldError(e.getKey(), "must be a string, number, boolean or null"));
            }
        });
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return mutate(vmId, "updated", (jdbc, before) -> {
            for (Map.Entry<String, JsonNode> e : fields.properties()) {
                if (e.getValue().isNull()) {
                    update(jdbc, "delete from vm_custom_field where vm_id = ? and field_key = ?", vmId, e.getKey());
                } else {
                    update(
                            jdbc,
                            "insert into vm_custom_field (vm_id, field_key, field_value, created_at, updated_at) "
                                    + "values (?, ?, ?, ?, ?) on conflict (vm_id, field_key) do update set field_value = "
                                    + "excluded.field_value, updated_at = excluded.updated_at where vm_custom_field.field_value "
                                    + "is distinct from excluded.field_value",
                            vmId,
                            e.getKey(),
                            e.getValue().asText(),
                            now(),
                            now());
                }
            }
        });
    }

    /**
     * Soft-deletes a VM by hand (admin). A later sync that reports it restores it.
     *
     * @throws ProblemException 404 unknown, 409 already deleted
     */
    @Transactional
    public ManualView softDelete(long vmId, String reason) {
        String by = actor.resolve("manual").name();
        return mutate(vmId, "deleted", (jdbc, before) -> {
            if (before.isDeleted()) {
                throw ProblemException.conflict("vm " + vmId + " is already deleted");
            }
            update(
                    jdbc,
                    "update vm set is_deleted = true, deleted_at = ?, deleted_by = ?, delete_reason = ?, "
                            + "version = version + 1, updated_at = ? where id = ?",
                    now(),
                    by,
                    reason == null || reason.isBlank() ? "deleted by hand" : reason,
                    now(),
                    vmId);
            history(jdbc, vmId, "deleted", "false", "true");
        });
    }

    /**
     * Restores a soft-deleted VM (admin).
     *
     * @throws ProblemException 404 unknown, 409 not deleted
     */
    @Transactional
    public ManualView restore(long vmId) {
        return mutate(vmId, "restored", (jdbc, before) -> {
            if (!before.isDeleted()) {
                throw ProblemException.conflict("vm " + vmId + " is not deleted");
            }
            update(
                    jdbc,
                    "update vm set is_deleted = false, deleted_at = null, deleted_by = null, delete_reason = null, "
                            + "version = version + 1, updated_at = ? where id = ?",
                    now(),
                    vmId);
            history(jdbc, vmId, "restored", "true", "false");
        });
    }

    private ManualView mutate(long vmId, String action, Mutation mutation) {
        return Jdbc.withConnection(dataSource, jdbc -> {
            ManualView before = view(jdbc, vmId, true);
            mutation.apply(jdbc, before);
            ManualView after = view(jdbc, vmId, false);
            changes.record(new Change("vm", String.valueOf(vmId), action, before, after, null));
            return after;
        });
    }

    private static ManualView view(Jdbc jdbc, long vmId, boolean lock) throws SQLException {
        boolean deleted = jdbc.one(
                        "select is_deleted from vm where id = ?" + (lock ? " for update" : ""),
                        s -> s.setLong(1, vmId),
                        r -> r.getBoolean(1))
                .orElseThrow(() -> ProblemException.notFound("vm", vmId));
        return new ManualView(
                vmId,
                deleted,
                VmDetailQuery.manual(jdbc, vmId),
                VmDetailQuery.manualIps(jdbc, vmId),
                VmDetailQuery.tags(jdbc, vmId),
                VmDetailQuery.customFields(jdbc, vmId));
    }

    private void upsert(Jdbc jdbc, long vmId, ManualInput m) throws SQLException {
        List<Object> args = new ArrayList<>();
        args.add(vmId);
        args.addAll(m.columns());
        args.addAll(List.of(actor.resolve("manual").name(), now(), now()));
        update(jdbc, """
                insert into vm_manual (vm_id, business_owner_id, technical_owner_id, project_name, environment, notes,
                    override_power_state, manual_power_state, override_cluster, manual_cluster_name, override_hostname,
                    manual_hostname, override_os_type, manual_os_type, updated_by, version, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
                on conflict (vm_id) do update set business_owner_id = excluded.business_owner_id,
                    technical_owner_id = excluded.technical_owner_id, project_name = excluded.project_name,
                    environment = excluded.environment, notes = excluded.notes,
                    override_power_state = excluded.override_power_state, manual_power_state = excluded.manual_power_state,
                    override_cluster = excluded.override_cluster, manual_cluster_name = excluded.manual_cluster_name,
                    override_hostname = excluded.override_hostname, manual_hostname = excluded.manual_hostname,
                    override_os_type = excluded.override_os_type, manual_os_type = excluded.manual_os_type,
                    updated_by = excluded.updated_by, version = vm_manual.version + 1, updated_at = excluded.updated_at""", args.toArray());
    }

    private static void checkOwner(Jdbc jdbc, String field, Long ownerId, List<FieldError> errors) throws SQLException {
        if (ownerId != null
                && jdbc.one("select 1 from owners where id = ?", s -> s.setLong(1, ownerId), r -> true)
                        .isEmpty()) {
            errors.add(new FieldError(field, "owner " + ownerId + " does not exist"));
        }
    }

    private static void history(Jdbc jdbc, long vmId, String type, String old, String now) throws SQLException {
        update(
                jdbc,
                "insert into vm_change_history (vm_id, change_type, field_name, old_value, new_value, changed_at, "
                        + "created_at, updated_at) values (?, ?, 'is_deleted', ?, ?, ?, ?, ?)",
                vmId,
                type,
                old,
                now,
                now(),
                now(),
                now());
    }

    private static String tag(String raw) {
        if (raw == null || raw.isBlank() || raw.strip().length() > 255) {
            throw ProblemException.invalid("tags", "a tag is 1-255 characters");
        }
        return raw.strip();
    }

    private static LocalDateTime now() {
        return UtcTimes.toColumn(Instant.now());
    }

    private static int update(Jdbc jdbc, String sql, Object... args) throws SQLException {
        return jdbc.update(sql, Jdbc.values(args));
    }
}
