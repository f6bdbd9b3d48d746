package io.infrasystem.inventory.eos;

import io.infrasystem.commons.crud.CsvCells;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.inventory.asset.Asset;
import io.infrasystem.inventory.asset.AssetStatus;
import io.infrasystem.inventory.model.HardwareModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Builds End-of-Support reports for any date (not only today) and renders them as CSV or text. */
@ApplicationScoped
public class EosReportService {

    /** Largest {@code within_days} accepted (ten years). */
    public static final int MAX_WITHIN_DAYS = 3650;

    /** The CSV columns of an affected asset: {@code site, rack, asset_id, hostname, asset_tag, serial, status}. */
    private static final int ASSET_COLUMNS = 7;

    /**
     * @param asOf the reference date
     * @param withinDays 0 to {@value #MAX_WITHIN_DAYS}
     * @return the report
     * @throws ProblemException 400 for {@code within_days} out of range
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public EosReport report(LocalDate asOf, int withinDays) {
        if (withinDays < 0 || withinDays > MAX_WITHIN_DAYS) {
            throw ProblemException.invalid("within_days", "must be 0 to " + MAX_WITHIN_DAYS);
        }
        LocalDate horizon = asOf.plusDays(withinDays);
        List<HardwareModel> dated = HardwareModel.list(
                "select m from HardwareModel m join fetch m.manufacturer where m.endOfSupport <= ?1 order by m.endOfSupport, m.id",
                horizon);
        List<HardwareModel> unknown = HardwareModel.list("""
                select m from HardwareModel m join fetch m.manufacturer where m.endOfSupport is null
                and exists (select 1 from Asset a where a.model = m and a.status <> ?1) order by m.manufacturer.name, m.name, m.id""", AssetStatus.DECOMMISSIONED);
        List<Long> ids = new ArrayList<>();
        dated.forEach(m -> ids.add(m.id));
        unknown.forEach(m -> ids.add(m.id));
        Map<Long, List<Asset>> byModel = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            List<Asset> assets = Asset.list("""
                    select a from Asset a left join fetch a.site left join fetch a.rack
                    where a.model.id in ?1 and a.status <> ?2 order by a.id""", ids, AssetStatus.DECOMMISSIONED);
            for (Asset asset : assets) {
                byModel.computeIfAbsent(asset.model.id, k -> new ArrayList<>()).add(asset);
            }
        }
        List<EosReport.ModelEntry> models = dated.stream()
                .map(m -> entry(m, asOf, byModel.getOrDefault(m.id, List.of())))
                .toList();
        List<EosReport.ModelEntry> unknowns = unknown.stream()
                .map(m -> entry(m, asOf, byModel.getOrDefault(m.id, List.of())))
                .toList();
        EosReport.Totals totals = new EosReport.Totals(
                models.size(),
                models.stream().mapToInt(EosReport.ModelEntry::assetCount).sum(),
                unknowns.size(),
                unknowns.stream().mapToInt(EosReport.ModelEntry::assetCount).sum());
        return new EosReport(asOf, withinDays, horizon, models, unknowns, totals);
    }

    private static EosReport.ModelEntry entry(HardwareModel model, LocalDate asOf, List<Asset> assets) {
        Map<Long, List<Asset>> bySite = new LinkedHashMap<>();
        for (Asset asset : assets) {
            bySite.computeIfAbsent(asset.site == null ? null : asset.site.id, k -> new ArrayList<>())
                    .add(asset);
        }
        List<EosReport.SiteEntry> sites = new ArrayList<>();
        for (Map.Entry<Long, List<Asset>> site : bySite.entrySet()) {
            Asset first = site.getValue().get(0);
            sites.add(new EosReport.SiteEntry(
                    site.getKey(),
                    first.site == null ? null : first.site.name,
                    site.getValue().size(),
                    site.getValue().stream()
                            .map(a -> new EosReport.AssetEntry(
                                    a.id,
                                    a.hostname,
                                    a.assetTag,
                                    a.serial,
                                    a.status,
                                    a.rack == null ? null : a.rack.name))
                            .toList()));
        }
        sites.sort(java.util.Comparator.comparing(s -> Objects.requireNonNullElse(s.siteName(), "\uffff")));
        String state;
        Long daysLeft = null;
        if (model.endOfSupport == null) {
            state = "unknown";
        } else {
            daysLeft = ChronoUnit.DAYS.between(asOf, model.endOfSupport);
            state = daysLeft <= 0 ? "past" : "within";
        }
        return new EosReport.ModelEntry(
                model.id,
                model.manufacturer.name,
                model.name,
                model.partNumber,
                model.endOfSale,
                model.endOfSupport,
                state,
                daysLeft,
                assets.size(),
                sites);
    }

    /**
     * @return the report as CSV: one row per affected asset (or per model without assets), columns
     *     {@code state, manufacturer, model, part_number, end_of_support, days_left, site, rack,
     *     asset_id, hostname, asset_tag, serial, status}
     */
    public String csv(EosReport report) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(
                out,
                CSVFormat.RFC4180
                        .builder()
                        .setHeader(
                                "state",
                                "manufacturer",
                                "model",
                                "part_number",
                                "end_of_support",
                                "days_left",
                                "site",
                                "rack",
                                "asset_id",
                                "hostname",
                                "asset_tag",
                                "serial",
                                "status")
                        .get())) {
            List<EosReport.ModelEntry> all = new ArrayList<>(report.models());
            all.addAll(report.unknownEndOfSupport());
            for (EosReport.ModelEntry model : all) {
                if (model.sites().isEmpty()) {
                    printer.printRecord(CsvCells.record(record(model, null, null)));
                }
                for (EosReport.SiteEntry site : model.sites()) {
                    for (EosReport.AssetEntry asset : site.assets()) {
                        printer.printRecord(CsvCells.record(record(model, site, asset)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** @return one CSV record: the model's cells, then the asset's ({@code null} cells without an asset) */
    private static List<Object> record(
            EosReport.ModelEntry model, EosReport.SiteEntry site, EosReport.AssetEntry asset) {
        List<Object> cells = new ArrayList<>(Arrays.asList(
                model.state(),
                model.manufacturer(),
                model.model(),
                model.partNumber(),
                model.endOfSupport(),
                model.daysLeft()));
        if (asset == null) {
            cells.addAll(Collections.nCopies(ASSET_COLUMNS, null));
        } else {
            cells.addAll(Arrays.asList(
                    site.siteName(),
                    asset.rackName(),
                    asset.id(),
                    asset.hostname(),
                    asset.assetTag(),
                    asset.serial(),
                    asset.status().wire()));
        }
        return cells;
    }

    /** @return a plain-text summary for an email: one line per model with its affected assets per site */
    public String text(EosReport report) {
        StringBuilder text = new StringBuilder();
        text.append("End-of-support report as of ")
                .append(report.asOf())
                .append(" (horizon ")
                .append(report.horizon())
                .append(", ")
                .append(report.withinDays())
                .append(" days)\n\n");
        text.append(report.totals().models())
                .append(" model(s) past or near end of support, ")
                .append(report.totals().assets())
                .append(" asset(s) affected.\n");
        for (EosReport.ModelEntry model : report.models()) {
            line(text, model);
        }
        text.append("\n")
                .append(report.totals().unknownModels())
                .append(" model(s) in use with unknown end of support, ")
                .append(report.totals().unknownAssets())
                .append(" asset(s).\n");
        for (EosReport.ModelEntry model : report.unknownEndOfSupport()) {
            line(text, model);
        }
        return text.toString();
    }

    private static void line(StringBuilder text, EosReport.ModelEntry model) {
        text.append("- ").append(model.manufacturer()).append(' ').append(model.model());
        if (model.endOfSupport() != null) {
            text.append(": end of support ")
                    .append(model.endOfSupport())
                    .append(" (")
                    .append(
                            model.daysLeft() <= 0
                                    ? -model.daysLeft() + " days ago"
                                    : "in " + model.daysLeft() + " days")
                    .append(')');
        }
        text.append(", ").append(model.assetCount()).append(" asset(s)");
        for (EosReport.SiteEntry site : model.sites()) {
            text.append("; ")
                    .append(site.siteName() == null ? "no site" : site.siteName())
                    .append(": ")
                    .append(site.assetCount());
        }
        text.append('\n');
    }
}
