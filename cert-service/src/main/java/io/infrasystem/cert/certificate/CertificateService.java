package io.infrasystem.cert.certificate;

import io.infrasystem.cert.x509.CertificateFacts;
import io.infrasystem.cert.x509.CertificateReader;
import io.infrasystem.cert.x509.UnreadableCertificateException;
import io.infrasystem.commons.audit.Change;
import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.crud.CrudKind;
import io.infrasystem.commons.crud.EntityCrudService;
import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.filter.QueryFilter;
import io.infrasystem.commons.http.MergePatch;
import io.infrasystem.commons.paging.Page;
import io.infrasystem.commons.paging.PageRequest;
import io.infrasystem.commons.problem.Problem.FieldError;
import io.infrasystem.commons.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Certificates on the commons CRUD kernel, plus what scans and uploads need: {@link #ingest}
 * (create once per SHA-256 thumbprint, or mark seen again), issuer links, and the status rule.
 *
 * <p>List filters: {@code id}, {@code created_at}, {@code updated_at}, {@code sha256_thumbprint},
 * {@code sha1_thumbprint}, {@code spki_sha256}, {@code serial_number}, {@code common_name},
 * {@code subject} and {@code issuer} (the DNs; {@code issuer__ic=let's encrypt}), {@code status},
 * {@code source}, {@code key_algorithm}, {@code key_size}, {@code key_curve},
 * {@code signature_algorithm}, {@code is_ca}, {@code self_signed}, {@code not_before},
 * {@code not_after}, {@code first_seen_at}, {@code last_seen_at}, {@code issuer_id},
 * {@code expires_before} and {@code expires_after} (ISO-8601 time or date: {@code not_after} before,
 * or at and after), {@code san} (any SAN, case-insensitive, exact), {@code host} (name or IP of a
 * host it is bound on), {@code host_id}, {@code application_id}, {@code domain} (a domain it
 * secures), {@code tag}; {@code q} searches common name, subject, issuer, thumbprint and SANs.
 */
@ApplicationScoped
public class CertificateService extends EntityCrudService<Certificate, CertificateDto, CertificateInput> {

    static final CrudKind<Certificate, CertificateDto, CertificateInput> KIND = CrudKind.of(
                    "certificate", Certificate.class, CertificateInput.class)
            .listedBy(CrudKind.filters("c", "not_after")
                    .fields(
                            FilterField::text,
                            "sha256_thumbprint",
                            "sha1_thumbprint",
                            "spki_sha256",
                            "serial_number",
                            "common_name",
                            "key_algorithm",
                            "key_curve",
                            "signature_algorithm")
                    .field(FilterField.text("subject", "c.subjectDn"))
                    .field(FilterField.text("issuer", "c.issuerDn"))
                    .field(FilterField.choice("status", "c.status", CertificateStatus.class))
                    .field(FilterField.choice("source", "c.source", CertificateSource.class))
                    .fields(FilterField::integer, "key_size")
                    .fields(FilterField::bool, "is_ca", "self_signed")
                    .fields(FilterField::timestamp, "not_before", "not_after", "first_seen_at", "last_seen_at")
                    .field(FilterField.integer("issuer_id", "c.issuer.id"))
                    .field(FilterField.membership(
                            "san",
                            "exists (select 1 from CertificateSan s where s.certificate = c and lower(s.value) in (:values))",
                            v -> v.strip().toLowerCase(Locale.ROOT)))
                    .field(FilterField.membership(
                            "host",
                            "exists (select 1 from CertificateBinding b left join b.host h left join b.hostIp i"
                                    + " where b.certificate = c and (lower(h.name) in (:values) or i.ipAddress in (:values)))",
                            v -> v.strip().toLowerCase(Locale.ROOT)))
                    .field(FilterField.membership(
                            "host_id",
                            "exists (select 1 from CertificateBinding b where b.certificate = c and b.host.id in (:values))",
                            Long::valueOf))
                    .field(FilterField.membership(
                            "application_id",
                            "exists (select 1 from CertificateBinding b where b.certificate = c"
                                    + " and b.application.id in (:values))",
                            Long::valueOf))
                    .field(FilterField.membership(
                            "domain",
                            "exists (select 1 from Domain d join d.certificates dc where dc = c and d.name in (:values))",
                            v -> v.strip().toLowerCase(Locale.ROOT)))
                    .field(FilterField.membership(
                            "tag",
                            "exists (select 1 from Certificate t join t.tags n where t = c and n in (:values))",
                            v -> v))
                    .search(
                            "coalesce(c.commonName, '')",
                            "c.subjectDn",
                            "c.issuerDn",
                            "c.sha256Thumbprint",
                            "c.serialNumber"))
            .entity(Certificate::new, Certificate::dto, Certificate::input);

    /** The aliases of {@code not_after} lookups the list also accepts. */
    private static final Map<String, String> ALIASES =
            Map.of("expires_before", "not_after__lt", "expires_after", "not_after__gte");

    private ChangeRecorder changes;
    private CertificateConfig config;

    @Inject
    public CertificateService(ChangeRecorder changes, MergePatch mergePatch, CertificateConfig config) {
        super(changes, mergePatch, KIND);
        this.changes = changes;
        this.config = config;
    }

    /** For the CDI client proxy only. */
    protected CertificateService() {}

    /**
     * @param query a request's query parameters
     * @return a copy where {@code expires_before}/{@code expires_after} read as {@code not_after__lt}/{@code not_after__gte}
     */
    public static MultivaluedMap<String, String> normalize(MultivaluedMap<String, String> query) {
        MultivaluedMap<String, String> copy = new MultivaluedHashMap<>();
        query.forEach((name, values) -> copy.addAll(ALIASES.getOrDefault(name, name), values));
        return copy;
    }

    /**
     * @return the list's filters (also for the CSV export)
     * @throws ProblemException 400 naming each bad parameter as the caller spelt it
     */
    public static QueryFilter filter(MultivaluedMap<String, String> query) {
        try {
            return KIND.filters().parse(normalize(query));
        } catch (ProblemException e) {
            if (e.errors() == null || e.errors().isEmpty()) {
                throw e;
            }
            throw ProblemException.invalid(e.errors().stream()
                    .map(error -> new FieldError(
                            ALIASES.entrySet().stream()
                                    .filter(alias -> alias.getValue().equals(error.field()))
                                    .map(Map.Entry::getKey)
                                    .findFirst()
                                    .orElse(error.field()),
                            error.message()))
                    .toList());
        }
    }

    /**
     * @param filter a parsed filter
     * @return the query of matching certificates, in the filter's order
     */
    public static PanacheQuery<Certificate> find(QueryFilter filter) {
        return KIND.find(filter.whereOrdered(), filter.parameters());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    @Override
    public Page<CertificateDto> list(UriInfo uri) {
        QueryFilter filter = filter(uri.getQueryParameters());
        PageRequest request = PageRequest.from(uri.getQueryParameters());
        PanacheQuery<Certificate> query = find(filter);
        long count = query.count();
        List<Certificate> rows = count == 0
                ? List.of()
                : query.range((int) request.offset(), (int) (request.offset() + request.limit() - 1))
                        .list();
        return Page.of(rows.stream().map(Certificate::dto).toList(), count, request, uri);
    }

    /**
     * Sets tags, notes and alert thresholds (without repeats, largest first).
     *
     * @throws ProblemException 400 when {@code pem} is not one certificate or changes a stored one; 409 for a known one
     */
    @Override
    protected void apply(Certificate certificate, CertificateInput input) {
        CertificateFacts facts = single(input.pem());
        if (certificate.id == null) {
            Optional<Certificate> known = byThumbprint(facts.sha256Thumbprint());
            if (known.isPresent()) {
                throw ProblemException.conflict(
                        "certificate " + facts.sha256Thumbprint() + " exists already (id " + known.get().id + ")");
            }
            Instant now = now();
            certificate.fill(facts);
            certificate.source = CertificateSource.UPLOAD;
            certificate.firstSeenAt = now;
            certificate.lastSeenAt = now;
            certificate.status = statusAt(certificate, now);
        } else if (!facts.sha256Thumbprint().equals(certificate.sha256Thumbprint)) {
            throw ProblemException.invalid(
                    "pem", "a certificate's content cannot change; add the other certificate as a new one");
        }
        certificate.tags.clear();
        if (input.tags() != null) {
            input.tags().forEach(tag -> certificate.tags.add(tag.strip()));
        }
        certificate.notes = input.notes();
        certificate.alertThresholdDays = input.alertThresholdDays() == null
                ? null
                : input.alertThresholdDays().stream()
                        .distinct()
                        .sorted(Comparator.reverseOrder())
                        .toList();
    }

    @Override
    public Certificate createEntity(CertificateInput input) {
        Certificate certificate = super.createEntity(input);
        linkIssuers(certificate);
        return certificate;
    }

    /** Lets the certificates this one issued and the issuers named by it lose or keep their link (FKs without cascade). */
    @Override
    protected void checkDeletable(Certificate certificate) {
        Certificate.update("issuer = null where issuer = ?1", certificate);
        Certificate.update("replacedBy = null where replacedBy = ?1", certificate);
    }

    /**
     * Adds a certificate seen by a scan or an upload, or marks a known one seen again; call
     * inside a transaction. A new one is recorded (audit and {@code cert.certificate.created}) and
     * linked to its issuer and to the certificates it issued, when the suite knows them.
     *
     * @param facts the certificate
     * @param source how it was learnt
     * @param seenAt when
     * @return the certificate and whether it is new
     */
    public Ingested ingest(CertificateFacts facts, CertificateSource source, Instant seenAt) {
        Optional<Certificate> known = byThumbprint(facts.sha256Thumbprint());
        if (known.isPresent()) {
            Certificate certificate = known.get();
            if (certificate.lastSeenAt.isBefore(seenAt)) {
                certificate.lastSeenAt = seenAt;
            }
            return new Ingested(certificate, false);
        }
        Certificate certificate = new Certificate();
        certificate.fill(facts);
        certificate.source = source;
        certificate.firstSeenAt = seenAt;
        certificate.lastSeenAt = seenAt;
        certificate.status = statusAt(certificate, now());
        certificate.persistAndFlush();
        linkIssuers(certificate);
        changes.record(Change.created(KIND.resourceType(), certificate.id, certificate.dto()));
        return new Ingested(certificate, true);
    }

    /**
     * A certificate after {@link #ingest}.
     *
     * @param certificate the stored certificate
     * @param created whether this call added it
     */
    public record Ingested(Certificate certificate, boolean created) {}

    /** @return the certificate of this SHA-256 thumbprint (lower-case hex) */
    public Optional<Certificate> byThumbprint(String sha256) {
        return Certificate.find("sha256Thumbprint", sha256.toLowerCase(Locale.ROOT))
                .firstResultOptional();
    }

    /**
     * Marks a certificate replaced by its successor (the status {@code replaced} and the link);
     * recorded as an update. Call inside a transaction.
     */
    public void markReplaced(Certificate certificate, Certificate successor) {
        if (certificate.replacedBy != null || certificate.id.equals(successor.id)) {
            return;
        }
        CertificateDto before = certificate.dto();
        certificate.replacedBy = successor;
        certificate.status = CertificateStatus.REPLACED;
        certificate.flush();
        changes.record(Change.updated(KIND.resourceType(), certificate.id, before, certificate.dto()));
    }

    /**
     * @return the status a certificate has at {@code now}: {@code replaced} when a successor is
     *     linked, else by {@code not_after} ({@code expiring} within {@code infra.cert.expiring-days})
     */
    public CertificateStatus statusAt(Certificate certificate, Instant now) {
        if (certificate.replacedBy != null) {
            return CertificateStatus.REPLACED;
        }
        if (!certificate.notAfter.isAfter(now)) {
            return CertificateStatus.EXPIRED;
        }
        return certificate.notAfter.isAfter(now.plus(Duration.ofDays(config.expiringDays())))
                ? CertificateStatus.VALID
                : CertificateStatus.EXPIRING;
    }

    /**
     * Brings every stored status up to date with the clock (a certificate turns expiring and
     * expired as time passes, without a write of its own). Bulk update: no audit entry, no event.
     *
     * @param now the time to judge by
     * @return how many certificates changed status
     */
    @Transactional
    public int refreshStatuses(Instant now) {
        Instant soon = now.plus(Duration.ofDays(config.expiringDays()));
        int changed = Certificate.update(
                "status = ?1 where replacedBy is null and notAfter <= ?2 and status <> ?1",
                CertificateStatus.EXPIRED,
                now);
        changed += Certificate.update(
                "status = ?1 where replacedBy is null and notAfter > ?2 and notAfter <= ?3 and status <> ?1",
                CertificateStatus.EXPIRING,
                now,
                soon);
        changed += Certificate.update(
                "status = ?1 where replacedBy is null and notAfter > ?2 and status <> ?1",
                CertificateStatus.VALID,
                soon);
        return changed;
    }

    private void linkIssuers(Certificate certificate) {
        if (certificate.issuer == null && !certificate.selfSigned) {
            List<Certificate> candidates =
                    Certificate.list("subjectDn = ?1 and id <> ?2", certificate.issuerDn, certificate.id);
            for (Certificate candidate : candidates) {
                if (CertificateReader.signedBy(certificate.der, candidate.der)) {
                    certificate.issuer = candidate;
                    break;
                }
            }
        }
        List<Certificate> children = Certificate.list(
                "issuerDn = ?1 and issuer is null and selfSigned = false and id <> ?2",
                certificate.subjectDn,
                certificate.id);
        for (Certificate child : children) {
            if (CertificateReader.signedBy(child.der, certificate.der)) {
                child.issuer = certificate;
            }
        }
    }

    private static CertificateFacts single(String pem) {
        List<CertificateFacts> all;
        try {
            all = CertificateReader.read(pem.getBytes(StandardCharsets.UTF_8));
        } catch (UnreadableCertificateException e) {
            throw ProblemException.invalid("pem", e.getMessage());
        }
        if (all.size() != 1) {
            throw ProblemException.invalid(
                    "pem",
                    "holds " + all.size() + " certificates; send one, or a bundle to /api/cert/certificates/upload");
        }
        return all.get(0);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
