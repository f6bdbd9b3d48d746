package io.infrasystem.inventory.asset;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The writable fields of an asset. Placement ({@code rack_id}, {@code position}, {@code face})
 * follows the rack rules (see {@code PlacementRules}); {@code site_id} defaults to the rack's site.
 *
 * @param mgmtIp IPv4 or IPv6 literal
 * @param tags lower-case letters, digits, {@code - _ . :}
 * @param customFields string keys to scalar values (string, number, boolean)
 */
public record AssetInput(
        @Size(max = 255) String hostname,
        @Size(max = 100) String assetTag,
        @Size(max = 100) String serial,
        @NotNull Long modelId,
        @NotNull AssetStatus status,
        Long siteId,
        Long rackId,
        BigDecimal position,
        Face face,
        @Size(max = 45) String mgmtIp,
        List<@NotNull @Size(max = 45) String> otherIps,
        LocalDate purchaseDate,
        LocalDate warrantyEnd,
        @Size(max = 255) String owner,
        String notes,
        List<
                        @NotNull @Size(min = 1, max = 100)
                        @Pattern(regexp = "^[A-Za-z0-9_.:-]+$", message = "must be letters, digits, - _ . or :") String>
                tags,
        Map<String, Object> customFields) {}
