package io.infrasystem.cert.binding;

import io.infrasystem.cert.application.Application;
import io.infrasystem.cert.certificate.Certificate;
import io.infrasystem.cert.host.Host;
import io.infrasystem.cert.host.HostIp;
import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.crud.CrudKind;
import io.infrasystem.commons.crud.EntityCrudService;
import io.infrasystem.commons.crud.References;
import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.http.MergePatch;
import io.infrasystem.commons.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Certificate bindings on the commons CRUD kernel. Filters: {@code id}, {@code created_at},
 * {@code updated_at}, {@code certificate_id}, {@code host_id}, {@code host} (name),
 * {@code host_ip_id}, {@code ip_address}, {@code port}, {@code application_id}, {@code application}
 * (name), {@code platform}, {@code parent_binding_id}, {@code sni}, {@code first_seen_at},
 * {@code last_seen_at}. A binding that others have as parent cannot be deleted (409).
 */
@ApplicationScoped
public class BindingService extends EntityCrudService<CertificateBinding, BindingDto, BindingInput> {

    static final CrudKind<CertificateBinding, BindingDto, BindingInput> KIND = CrudKind.of(
                    "certificate_binding", CertificateBinding.class, BindingInput.class)
            .listedBy(CrudKind.filters("b", "id")
                    .field(FilterField.integer("certificate_id", "b.certificate.id"))
                    .relation("host", "b.host", "Host", "name")
                    .field(FilterField.integer("host_ip_id", "b.hostIp.id"))
                    .field(FilterField.membership(
                            "ip_address",
                            "exists (select 1 from HostIp i where i = b.hostIp and i.ipAddress in (:values))",
                            v -> v.strip()))
                    .fields(FilterField::integer, "port")
                    .relation("application", "b.application", "Application", "name")
                    .field(FilterField.choice("platform", "b.platform", Platform.class))
                    .field(FilterField.integer("parent_binding_id", "b.parentBinding.id"))
                    .fields(FilterField::text, "sni")
                    .fields(FilterField::timestamp, "first_seen_at", "last_seen_at"))
            .entity(CertificateBinding::new, CertificateBinding::dto, CertificateBinding::input)
            .deletableUnless(
                    "select count(b) from CertificateBinding b where b.parentBinding.id = :id",
                    (binding, n) -> n + " binding(s) have this binding as parent; change or delete them first");

    @Inject
    public BindingService(ChangeRecorder changes, MergePatch mergePatch) {
        super(changes, mergePatch, KIND);
    }

    /** For the CDI client proxy only. */
    protected BindingService() {}

    @Override
    protected void validate(BindingInput input) {
        if (input.hostId() == null && input.hostIpId() == null && input.applicationId() == null) {
            throw ProblemException.invalid("host_id", "a binding names a host, a host address or an application");
        }
    }

    /** @throws ProblemException 400 for a missing reference, an address of another host or a parent loop */
    @Override
    protected void apply(CertificateBinding binding, BindingInput input) {
        binding.certificate =
                References.require(Certificate.class, "certificate", "certificate_id", input.certificateId());
        HostIp ip = References.optional(HostIp.class, "host address", "host_ip_id", input.hostIpId());
        Host host = References.optional(Host.class, "host", "host_id", input.hostId());
        if (ip != null && host != null && !Objects.equals(ip.host.id, host.id)) {
            throw ProblemException.invalid(
                    "host_ip_id",
                    "address " + ip.ipAddress + " belongs to host " + ip.host.name + ", not " + host.name);
        }
        binding.host = host != null ? host : ip == null ? null : ip.host;
        binding.hostIp = ip;
        binding.port = input.port();
        binding.application =
                References.optional(Application.class, "application", "application_id", input.applicationId());
        binding.platform = input.platform();
        CertificateBinding parent = References.optional(
                CertificateBinding.class, "certificate binding", "parent_binding_id", input.parentBindingId());
        for (CertificateBinding up = parent; up != null; up = up.parentBinding) {
            if (binding.id != null && binding.id.equals(up.id)) {
                throw ProblemException.invalid(
                        "parent_binding_id", "would make a loop: binding " + binding.id + " is already in front of it");
            }
        }
        binding.parentBinding = parent;
        binding.sni = input.sni();
        binding.notes = input.notes();
        if (binding.firstSeenAt == null) {
            binding.firstSeenAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            binding.lastSeenAt = binding.firstSeenAt;
        }
    }
}
