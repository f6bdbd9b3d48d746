package io.infrasystem.inventory.placement;

import io.infrasystem.inventory.asset.Face;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * Several moves applied together: all of them or none.
 *
 * @param moves 1 to 500 moves, each asset at most once
 */
public record BulkMoveInput(@NotEmpty @Size(max = 500) List<@Valid @NotNull Move> moves) {

    /**
     * One move.
     *
     * @param version the asset version the caller saw; a different current version fails the whole
     *     batch with 412 ({@code null}: no check)
     */
    public record Move(@NotNull Long assetId, Long rackId, BigDecimal position, Face face, Long version) {}
}
