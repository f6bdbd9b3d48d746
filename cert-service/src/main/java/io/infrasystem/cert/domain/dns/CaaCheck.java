package io.infrasystem.cert.domain.dns;

import io.infrasystem.cert.certificate.Certificate;
import io.infrasystem.cert.certificate.CertificateStatus;
import io.infrasystem.cert.domain.Domain;
import io.infrasystem.cert.x509.SanType;
import io.infrasystem.commons.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A domain's CAA records (RFC 8659) next to the issuers of the certificates that secure it. The
 * relevant record set is the domain's own CAA records or, without any, those of the nearest parent
 * that has some (the tree climb of RFC 8659 §3, over the domains tracked here and their last
 * lookup; CNAMEs are not followed). A certificate is {@code allowed} when its CA's identifiers
 * ({@link CaaIssuers}) meet the {@code issue} values (for a wildcard name {@code *.<domain>}:
 * {@code issuewild} when the set has any, else {@code issue}), {@code not_allowed} when they do not
 * — a mismatch: the CA could not issue its renewal — {@code unknown_issuer} when its CA is not
 * known, {@code no_caa} when no CAA record applies (every CA may issue). Expired and replaced
 * certificates are listed but never flagged.
 */
@ApplicationScoped
public class CaaCheck {

    /** {@code <flags> <tag> "<value>"}, the presentation format dnsjava writes. */
    private static final Pattern CAA = Pattern.compile("^(\\d+)\\s+(\\S+)\\s+\"((?:[^\"\\\\]|\\\\.)*)\"$");

    /**
     * A CAA record.
     *
     * @param flags 0, or 128 when critical
     * @param tag {@code issue}, {@code issuewild}, {@code iodef}, ...
     * @param value its value as written
     * @param issuer the issuer domain of an {@code issue}/{@code issuewild} value (lower case; empty:
     *     no CA may issue)
     */
    public record CaaRecord(int flags, String tag, String value, String issuer) {}

    /**
     * A certificate judged against the record set.
     *
     * @param certificateId the certificate
     * @param commonName its CN
     * @param issuerDn its issuer
     * @param status its status
     * @param notAfter its end
     * @param wildcard whether it names {@code *.<domain>} (judged against {@code issuewild})
     * @param issuerCaa the CAA identifiers of its CA (empty: unknown CA)
     * @param verdict {@code allowed}, {@code not_allowed}, {@code unknown_issuer} or {@code no_caa}
     * @param mismatch whether it is flagged: {@code not_allowed} and neither expired nor replaced
     */
    public record CertificateVerdict(
            long certificateId,
            String commonName,
            String issuerDn,
            CertificateStatus status,
            Instant notAfter,
            boolean wildcard,
            List<String> issuerCaa,
            String verdict,
            boolean mismatch) {}

    /**
     * A domain's CAA report.
     *
     * @param domainId the domain
     * @param domain its name
     * @param dnsCheckedAt its last DNS lookup ({@code null}: never, so nothing is known)
     * @param caaDomain the domain whose CAA records apply ({@code null}: none)
     * @param records those records
     * @param issue the issuers of the {@code issue} records
     * @param issuewild the issuers of the {@code issuewild} records
     * @param certificates the certificates that secure the domain, soonest end first
     * @param mismatch whether any certificate is flagged
     */
    public record CaaReport(
            long domainId,
            String domain,
            Instant dnsCheckedAt,
            String caaDomain,
            List<CaaRecord> records,
            List<String> issue,
            List<String> issuewild,
            List<CertificateVerdict> certificates,
            boolean mismatch) {}

    /**
     * @param id a domain's id
     * @return its report
     * @throws ProblemException 404 for an unknown id
     */
    @Transactional
    public CaaReport report(long id) {
        Domain domain = Domain.findById(id);
        if (domain == null) {
            throw ProblemException.notFound("domain", id);
        }
        Domain source = null;
        List<CaaRecord> records = List.of();
        for (Domain d = domain; d != null; d = d.parent) {
            List<CaaRecord> own =
                    DnsRecord.<DnsRecord>list("domain = ?1 and recordType = 'CAA' order by value", d).stream()
                            .map(r -> parse(r.value))
                            .toList();
            if (!own.isEmpty()) {
                source = d;
                records = own;
                break;
            }
        }
        List<String> issue = issuers(records, "issue");
        List<String> issuewild = issuers(records, "issuewild");
        boolean hasIssue = records.stream().anyMatch(r -> r.tag().equals("issue"));
        boolean hasWild = records.stream().anyMatch(r -> r.tag().equals("issuewild"));
        List<CertificateVerdict> verdicts = new ArrayList<>();
        for (Certificate c : domain.certificates.stream()
                .sorted(Comparator.comparing((Certificate c) -> c.notAfter).thenComparing(c -> c.id))
                .toList()) {
            boolean wildcard = c.sans.stream()
                    .anyMatch(s -> s.sanType == SanType.DNS && s.value.equalsIgnoreCase("*." + domain.name));
            boolean plain = !wildcard
                    || c.sans.stream().anyMatch(s -> s.sanType == SanType.DNS && s.value.equalsIgnoreCase(domain.name));
            List<String> caa = CaaIssuers.of(c.issuerDn);
            String verdict;
            if (!hasIssue && !hasWild) {
                verdict = "no_caa";
            } else if (caa.isEmpty()) {
                verdict = "unknown_issuer";
            } else {
                boolean ok = true;
                if (plain && hasIssue) {
                    ok = caa.stream().anyMatch(issue::contains);
                }
                if (wildcard && (hasWild || hasIssue)) {
                    ok &= caa.stream().anyMatch((hasWild ? issuewild : issue)::contains);
                }
                verdict = ok ? "allowed" : "not_allowed";
            }
            boolean live = c.status != CertificateStatus.EXPIRED && c.status != CertificateStatus.REPLACED;
            verdicts.add(new CertificateVerdict(
                    c.id,
                    c.commonName,
                    c.issuerDn,
                    c.status,
                    c.notAfter,
                    wildcard,
                    caa,
                    verdict,
                    live && verdict.equals("not_allowed")));
        }
        return new CaaReport(
                domain.id,
                domain.name,
                domain.dns == null ? null : domain.dns.checkedAt,
                source == null ? null : source.name,
                records,
                issue,
                issuewild,
                verdicts,
                verdicts.stream().anyMatch(CertificateVerdict::mismatch));
    }

    /** @return the record of a stored CAA value; an unreadable one as tag {@code unknown} */
    static CaaRecord parse(String value) {
        Matcher m = CAA.matcher(value.strip());
        if (!m.matches()) {
            return new CaaRecord(0, "unknown", value, null);
        }
        String tag = m.group(2).toLowerCase(Locale.ROOT);
        String raw = m.group(3).replace("\\\"", "\"");
        String issuer = null;
        if (tag.equals("issue") || tag.equals("issuewild")) {
            int semicolon = raw.indexOf(';');
            issuer =
                    (semicolon >= 0 ? raw.substring(0, semicolon) : raw).strip().toLowerCase(Locale.ROOT);
        }
        return new CaaRecord(Integer.parseInt(m.group(1)), tag, raw, issuer);
    }

    private static List<String> issuers(List<CaaRecord> records, String tag) {
        return records.stream()
                .filter(r ->
                        r.tag().equals(tag) && r.issuer() != null && !r.issuer().isEmpty())
                .map(CaaRecord::issuer)
                .distinct()
                .toList();
    }
}
