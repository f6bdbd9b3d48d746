package io.infrasystem.cert.scan;

import io.infrasystem.cert.domain.DomainNames;
import io.infrasystem.cert.host.IpAddresses;
import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.crud.CrudKind;
import io.infrasystem.commons.crud.EntityCrudService;
import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.http.MergePatch;
import io.infrasystem.commons.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Objects;

/**
 * Scan targets on the commons CRUD kernel. Filters: {@code id}, {@code created_at},
 * {@code updated_at}, {@code host}, {@code port}, {@code sni}, {@code starttls}, {@code enabled},
 * {@code profile}, {@code last_scanned_at}, {@code q}. The same host, port and SNI twice is a 409.
 */
@ApplicationScoped
public class ScanTargetService extends EntityCrudService<ScanTarget, ScanTargetDto, ScanTargetInput> {

    static final CrudKind<ScanTarget, ScanTargetDto, ScanTargetInput> KIND = CrudKind.of(
                    "scan_target", ScanTarget.class, ScanTargetInput.class)
            .listedBy(CrudKind.filters("t", "host")
                    .fields(FilterField::text, "host", "sni", "profile")
                    .fields(FilterField::integer, "port")
                    .field(FilterField.choice("starttls", "t.starttls", StartTls.class))
                    .fields(FilterField::bool, "enabled")
                    .fields(FilterField::timestamp, "last_scanned_at")
                    .search("t.host", "coalesce(t.sni, '')", "coalesce(t.notes, '')"))
            .entity(ScanTarget::new, ScanTarget::dto, ScanTarget::input);

    @Inject
    public ScanTargetService(ChangeRecorder changes, MergePatch mergePatch) {
        super(changes, mergePatch, KIND);
    }

    /** For the CDI client proxy only. */
    protected ScanTargetService() {}

    @Override
    protected void validate(ScanTargetInput input) {
        if (IpAddresses.canonical(input.host()).isEmpty() && !validName(input.host())) {
            throw ProblemException.invalid("host", "must be a DNS name or an IP address");
        }
        if (input.sni() != null && !input.sni().isBlank() && !validName(input.sni())) {
            throw ProblemException.invalid("sni", "must be a DNS name");
        }
    }

    private static boolean validName(String name) {
        return DomainNames.normalize(name).isPresent() && !name.strip().startsWith("*")
                || "localhost".equalsIgnoreCase(name.strip());
    }

    /** @throws ProblemException 409 when another target has the same host, port and SNI */
    @Override
    protected void apply(ScanTarget target, ScanTargetInput input) {
        String host = IpAddresses.canonical(input.host())
                .orElseGet(() -> input.host().strip().toLowerCase(Locale.ROOT));
        String sni = input.sni() == null || input.sni().isBlank()
                ? null
                : input.sni().strip().toLowerCase(Locale.ROOT);
        boolean taken = ScanTarget.<ScanTarget>find("host = ?1 and port = ?2", host, input.port()).stream()
                .anyMatch(other -> !other.id.equals(target.id) && Objects.equals(other.sni, sni));
        if (taken) {
            throw ProblemException.conflict("a scan target " + host + ":" + input.port()
                    + (sni == null ? "" : " with SNI " + sni) + " exists already");
        }
        target.host = host;
        target.port = input.port();
        target.sni = sni;
        target.starttls = input.starttls() == null ? StartTls.NONE : input.starttls();
        target.scheduleMinutes = input.scheduleMinutes();
        target.profile = input.profile();
        target.enabled = input.enabled() == null || input.enabled();
        target.notes = input.notes();
    }
}
