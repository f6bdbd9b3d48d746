package io.infrasystem.inventory.placement;

import io.infrasystem.inventory.asset.Face;
import java.math.BigDecimal;

/**
 * Where to put an asset: {@code rack_id} {@code null} takes it out of any rack; {@code position}
 * {@code null} racks it without units (zero-U).
 *
 * @param position lowest rack unit, steps of 0.5
 */
public record PlacementInput(Long rackId, BigDecimal position, Face face) {}
