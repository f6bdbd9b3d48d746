package io.infrasystem.inventory.eos;

import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.commons.security.Scopes;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * End-of-Support reports: {@code GET /api/inventory/reports/eos?as_of=YYYY-MM-DD&within_days=N}
 * (viewers; {@code format=csv} or {@code Accept: text/csv} for CSV; defaults today in UTC and 90
 * days) and {@code POST /api/inventory/reports/eos/notify} (admins) to publish it now as the
 * scheduled job does.
 */
@Path("/api/inventory/reports/eos")
@Authenticated
public class EosReportResource {

    private final EosReportService reports;
    private final EosNotifier notifier;

    public EosReportResource(EosReportService reports, EosNotifier notifier) {
        this.reports = reports;
        this.notifier = notifier;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed(Scopes.INVENTORY_READ)
    public Response report(
            @QueryParam("as_of") String asOf,
            @QueryParam("within_days") @DefaultValue("90") String withinDays,
            @QueryParam("format") String format,
            @jakarta.ws.rs.HeaderParam("Accept") String accept) {
        EosReport report = reports.report(date(asOf), days(withinDays));
        boolean csv = "csv".equals(format) || (format == null && accept != null && accept.startsWith("text/csv"));
        if (format != null && !format.equals("csv") && !format.equals("json")) {
            throw ProblemException.invalid("format", "must be json or csv");
        }
        if (csv) {
            return Response.ok(reports.csv(report), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"eos-report-" + report.asOf() + ".csv\"")
                    .build();
        }
        return Response.ok(report, MediaType.APPLICATION_JSON).build();
    }

    @POST
    @Path("notify")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.ADMIN)
    public EosNotifier.Notice notifyNow(
            @QueryParam("as_of") String asOf, @QueryParam("within_days") @DefaultValue("90") String withinDays) {
        return notifier.publish(date(asOf), days(withinDays));
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return LocalDate.now(ZoneOffset.UTC);
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("as_of", "must be a date as YYYY-MM-DD");
        }
    }

    private static int days(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("within_days", "must be a whole number of days");
        }
    }
}
