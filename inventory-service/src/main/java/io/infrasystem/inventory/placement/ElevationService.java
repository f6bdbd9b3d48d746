package io.infrasystem.inventory.placement;

import io.infrasystem.inventory.asset.Asset;
import io.infrasystem.inventory.asset.Face;
import io.infrasystem.inventory.rack.Rack;
import io.infrasystem.inventory.rack.RackService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Builds rack elevations from the assets in a rack (one query with their models). */
@ApplicationScoped
public class ElevationService {

    private final RackService racks;

    public ElevationService(RackService racks) {
        this.racks = racks;
    }

    /**
     * @param rackId the rack
     * @param face the face to draw
     * @return every unit with what occupies it on that face, full-depth assets included from either face
     * @throws io.infrasystem.commons.problem.ProblemException 404 for an unknown rack
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Elevation elevation(long rackId, Face face) {
        Rack rack = racks.require(rackId);
        List<Asset> inRack = Asset.find(
                        "select a from Asset a join fetch a.model where a.rack.id = ?1 order by a.position, a.id",
                        rackId)
                .list();
        List<Elevation.Occupant> mounted = new ArrayList<>();
        List<Elevation.Occupant> zeroU = new ArrayList<>();
        for (Asset asset : inRack) {
            Elevation.Occupant occupant = new Elevation.Occupant(
                    asset.id,
                    asset.hostname,
                    asset.assetTag,
                    asset.model.name,
                    asset.position,
                    asset.model.uHeight,
                    asset.face,
                    asset.model.fullDepth,
                    asset.model.colour);
            if (asset.position == null) {
                zeroU.add(occupant);
            } else if (asset.face == face || asset.model.fullDepth) {
                mounted.add(occupant);
            }
        }
        List<Elevation.Unit> units = new ArrayList<>(rack.uHeight);
        for (int i = 0; i < rack.uHeight; i++) {
            int unit = rack.descUnits ? rack.startingUnit + i : rack.aboveTop() - 1 - i;
            BigDecimal low = BigDecimal.valueOf(unit);
            BigDecimal high = low.add(BigDecimal.ONE);
            List<Elevation.Occupant> here = new ArrayList<>(2);
            for (Elevation.Occupant o : mounted) {
                if (o.position().compareTo(high) < 0
                        && low.compareTo(o.position().add(o.uHeight())) < 0) {
                    here.add(o);
                }
            }
            units.add(new Elevation.Unit(unit, here));
        }
        return new Elevation(rack.id, rack.name, face, rack.uHeight, rack.startingUnit, rack.descUnits, units, zeroU);
    }
}
