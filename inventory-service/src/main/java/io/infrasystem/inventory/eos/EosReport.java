package io.infrasystem.inventory.eos;

import io.infrasystem.inventory.asset.AssetStatus;
import java.time.LocalDate;
import java.util.List;

/**
 * The End-of-Support report as of a date: models whose support ended on or before
 * {@code as_of} ({@code past}) or ends within {@code within_days} after it ({@code within}),
 * models with an unknown end of support that are still in use listed apart, and for each the
 * assets affected (all but decommissioned ones) grouped by site.
 *
 * @param horizon {@code as_of + within_days}
 */
public record EosReport(
        LocalDate asOf,
        int withinDays,
        LocalDate horizon,
        List<ModelEntry> models,
        List<ModelEntry> unknownEndOfSupport,
        Totals totals) {

    /**
     * @param state {@code past}, {@code within} or {@code unknown}
     * @param daysLeft days from {@code as_of} to the end of support (negative when past), {@code null} when unknown
     */
    public record ModelEntry(
            long modelId,
            String manufacturer,
            String model,
            String partNumber,
            LocalDate endOfSale,
            LocalDate endOfSupport,
            String state,
            Long daysLeft,
            int assetCount,
            List<SiteEntry> sites) {}

    /** @param siteId {@code null} for assets without a site */
    public record SiteEntry(Long siteId, String siteName, int assetCount, List<AssetEntry> assets) {}

    /** An affected asset. */
    public record AssetEntry(
            long id, String hostname, String assetTag, String serial, AssetStatus status, String rackName) {}

    /** Counts of the report. */
    public record Totals(int models, int assets, int unknownModels, int unknownAssets) {}
}
