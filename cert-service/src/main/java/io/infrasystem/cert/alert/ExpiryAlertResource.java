package io.infrasystem.cert.alert;

import io.infrasystem.commons.security.Scopes;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * {@code POST /api/cert/alerts/expiry/check} (admins, no body): runs the expiry alert check now,
 * as the scheduled one ({@code infra.cert.alerts.every}) does, and answers 200 with
 * {@code {"checked_at": "<ISO-8601 UTC>", "alerted_certificate_ids": [ids]}} — the certificates
 * alerted by this check (an alert is sent once per certificate and threshold, so a second check
 * right after names none of them). Operators use it after lowering thresholds or importing
 * certificates, rather than waiting for the next scheduled check.
 */
@Path("/api/cert/alerts/expiry/check")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ExpiryAlertResource {

    /**
     * What a check did.
     *
     * @param checkedAt the time the thresholds were judged by (UTC)
     * @param alertedCertificateIds the certificates alerted by this check, soonest ending first
     */
    public record CheckResult(Instant checkedAt, List<Long> alertedCertificateIds) {}

    private final ExpiryAlerts alerts;

    public ExpiryAlertResource(ExpiryAlerts alerts) {
        this.alerts = alerts;
    }

    /** @return the check's time and the certificates it alerted */
    @POST
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Scopes.ADMIN)
    public CheckResult check() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return new CheckResult(now, alerts.check(now));
    }
}
