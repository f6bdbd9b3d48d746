package io.infrasystem.cert.domain;

import io.infrasystem.commons.crud.CrudScopes;
import io.infrasystem.commons.crud.CsvDownload;
import io.infrasystem.commons.crud.ExportableCrudResource;
import io.infrasystem.commons.security.Scopes;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /api/cert/domains}: domains, their parents, the certificates that secure them and their
 * registration (RDAP) and DNS state; {@code cert:read} reads, {@code cert:write} writes. Filters as
 * {@link DomainService}; {@code GET /api/cert/domains/export.csv} streams every match as CSV.
 */
@Path("/api/cert/domains")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@CrudScopes(read = Scopes.CERT_READ, write = Scopes.CERT_WRITE, delete = Scopes.CERT_WRITE)
public class DomainResource extends ExportableCrudResource<DomainDto, DomainInput> {

    static final List<String> CSV_HEADER = List.of(
            "id",
            "name",
            "parent",
            "certificates",
            "registrar",
            "registered_at",
            "expires_at",
            "registration_changed_at",
            "registration_status",
            "nameservers",
            "rdap_result",
            "rdap_checked_at",
            "dns_result",
            "dns_checked_at",
            "notes");

    public DomainResource(DomainService service) {
        super(service, query -> {
            var filter = DomainService.filter(query);
            return CsvDownload.of(
                    "domains.csv",
                    CSV_HEADER,
                    (offset, limit) -> DomainService.find(filter)
                            .range(offset, offset + limit - 1)
                            .list(),
                    DomainResource::row);
        });
    }

    static List<Object> row(Domain d) {
        var r = d.registration;
        var dns = d.dns;
        List<Object> cells = new ArrayList<>();
        cells.add(d.id);
        cells.add(d.name);
        cells.add(d.parent == null ? null : d.parent.name);
        cells.add(d.certificates.size());
        cells.add(r == null ? null : r.registrar);
        cells.add(r == null ? null : r.registeredAt);
        cells.add(r == null ? null : r.expiresAt);
        cells.add(r == null ? null : r.registrationChangedAt);
        cells.add(r == null || r.statuses == null ? null : String.join("; ", r.statuses));
        cells.add(r == null || r.nameservers == null ? null : String.join("; ", r.nameservers));
        cells.add(r == null || r.result == null ? null : r.result.wire());
        cells.add(r == null ? null : r.checkedAt);
        cells.add(dns == null || dns.result == null ? null : dns.result.wire());
        cells.add(dns == null ? null : dns.checkedAt);
        cells.add(d.notes);
        return cells;
    }
}
