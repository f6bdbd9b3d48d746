package io.infrasystem.cert.certificate;

import io.infrasystem.commons.crud.CrudScopes;
import io.infrasystem.commons.crud.CsvDownload;
import io.infrasystem.commons.crud.ExportableCrudResource;
import io.infrasystem.commons.filter.QueryFilter;
import io.infrasystem.commons.security.Scopes;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * {@code /api/cert/certificates}: certificates on the CRUD kernel; {@code cert:read} reads,
 * {@code cert:write} writes and deletes. {@code POST} takes one PEM certificate (409 when known),
 * {@code PATCH} changes tags, notes and {@code alert_threshold_days} only. Filters as {@link CertificateService}.
 * {@code GET /api/cert/certificates/export.csv} with the same filters streams every match as CSV
 * (SANs of a cell separated by {@code ; }); {@code GET /api/cert/certificates/expiry-months} counts
 * the matches ending in each calendar month ({@link ExpiryTimeline}).
 */
@Path("/api/cert/certificates")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@CrudScopes(read = Scopes.CERT_READ, write = Scopes.CERT_WRITE, delete = Scopes.CERT_WRITE)
public class CertificateResource extends ExportableCrudResource<CertificateDto, CertificateInput> {

    static final List<String> CSV_HEADER = List.of(
            "id",
            "common_name",
            "subject_dn",
            "issuer_dn",
            "serial_number",
            "sha256_thumbprint",
            "sha1_thumbprint",
            "not_before",
            "not_after",
            "status",
            "source",
            "key_algorithm",
            "key_size",
            "key_curve",
            "signature_algorithm",
            "is_ca",
            "self_signed",
            "sans",
            "tags",
            "first_seen_at",
            "last_seen_at");

    private final ExpiryTimeline timeline;

    public CertificateResource(CertificateService service, ExpiryTimeline timeline) {
        super(service, query -> {
            QueryFilter filter = CertificateService.filter(query);
            return CsvDownload.of(
                    "certificates.csv",
                    CSV_HEADER,
                    (offset, limit) -> CertificateService.find(filter)
                            .range(offset, offset + limit - 1)
                            .list(),
                    CertificateResource::row);
        });
        this.timeline = timeline;
    }

    /**
     * {@code GET /api/cert/certificates/expiry-months}: certificates ending in each calendar month,
     * within the list's filters (see {@link ExpiryTimeline}).
     *
     * @return one entry per month, months without a certificate included; 400 naming a bad parameter
     */
    @GET
    @Path("expiry-months")
    @CrudScopes.Needs(CrudScopes.Access.READ)
    public List<ExpiryTimeline.MonthCount> expiryMonths(@Context UriInfo uri) {
        return timeline.count(uri.getQueryParameters());
    }

    static List<Object> row(Certificate c) {
        return List.of(
                c.id,
                nullable(c.commonName),
                c.subjectDn,
                c.issuerDn,
                c.serialNumber,
                c.sha256Thumbprint,
                c.sha1Thumbprint,
                c.notBefore,
                c.notAfter,
                c.status.wire(),
                c.source.wire(),
                c.keyAlgorithm,
                nullable(c.keySize),
                nullable(c.keyCurve),
                c.signatureAlgorithm,
                c.isCa,
                c.selfSigned,
                String.join(
                        "; ",
                        c.sans.stream()
                                .map(s -> s.sanType.wire() + ":" + s.value)
                                .toList()),
                String.join("; ", c.tags),
                c.firstSeenAt,
                c.lastSeenAt);
    }

    private static Object nullable(Object value) {
        return value == null ? "" : value;
    }
}
