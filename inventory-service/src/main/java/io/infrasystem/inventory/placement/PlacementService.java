package io.infrasystem.inventory.placement;

import io.infrasystem.commons.audit.Change;
import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.http.Versions;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.inventory.asset.Asset;
import io.infrasystem.inventory.asset.AssetDto;
import io.infrasystem.inventory.asset.AssetService;
import io.infrasystem.inventory.asset.PlacementRules;
import io.infrasystem.inventory.asset.PlannedPlacement;
import io.infrasystem.inventory.rack.Rack;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Moves assets between racks, units and faces, one at a time or several in one transaction (the
 * backend of a drag-and-drop rack editor). Each move is recorded as
 * {@code inventory.asset.moved} with the asset before and after, so the event's changes carry
 * the old and new {@code rack_id}, {@code position}, {@code face} and {@code site_id}.
 */
@ApplicationScoped
public class PlacementService {

    private final AssetService assets;
    private final PlacementRules rules;
    private final ChangeRecorder changes;

    public PlacementService(AssetService assets, PlacementRules rules, ChangeRecorder changes) {
        this.assets = assets;
        this.rules = rules;
        this.changes = changes;
    }

    /**
     * @return the asset after the move
     * @throws ProblemException 404 unknown asset, 400 bad placement, 409 collision (naming the
     *     blocking asset and its units), 412 stale {@code If-Match}
     */
    @Transactional
    public AssetDto place(long assetId, PlacementInput input, String ifMatch) {
        Asset asset = assets.require(assetId);
        Versions.checkIfMatch(ifMatch, asset.version);
        return move(List.of(new Target(asset, input.rackId(), input))).get(0);
    }

    /**
     * Applies every move or none.
     *
     * @return the assets after the moves, in request order
     * @throws ProblemException as {@link #place}; field names carry the move's index
     */
    @Transactional
    public List<AssetDto> bulk(BulkMoveInput input) {
        List<Target> targets = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < input.moves().size(); i++) {
            BulkMoveInput.Move move = input.moves().get(i);
            if (!seen.add(move.assetId())) {
                throw ProblemException.invalid(
                        "moves[" + i + "].asset_id", "asset " + move.assetId() + " is moved twice");
            }
            Asset asset = Asset.findById(move.assetId());
            if (asset == null) {
                throw ProblemException.invalid(
                        "moves[" + i + "].asset_id", "asset " + move.assetId() + " does not exist");
            }
            if (move.version() != null && move.version() != asset.version) {
                throw ProblemException.preconditionFailed("asset " + asset.id + " is at version " + asset.version
                        + ", the move expected " + move.version());
            }
            targets.add(
                    new Target(asset, move.rackId(), new PlacementInput(move.rackId(), move.position(), move.face())));
        }
        return move(targets);
    }

    private record Target(Asset asset, Long rackId, PlacementInput input) {}

    private List<AssetDto> move(List<Target> targets) {
        List<PlannedPlacement> planned = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            Target target = targets.get(i);
            Rack rack = null;
            String prefix = targets.size() == 1 ? "" : "moves[" + i + "].";
            if (target.rackId() != null) {
                rack = Rack.findById(target.rackId());
                if (rack == null) {
                    throw ProblemException.invalid(prefix + "rack_id", "rack " + target.rackId() + " does not exist");
                }
            }
            Asset asset = target.asset();
            PlannedPlacement p = new PlannedPlacement(
                    asset.id,
                    PlacementRules.label(asset),
                    rack,
                    target.input().position(),
                    target.input().face(),
                    asset.model.uHeight,
                    asset.model.fullDepth);
            rules.checkShape(p, prefix);
            planned.add(p);
        }
        rules.checkCollisions(planned);

        List<AssetDto> before = targets.stream().map(t -> t.asset().dto()).toList();
        if (targets.size() > 1) {
            // vacate first, so that swaps and chains never meet the database's overlap key half-done
            for (Target target : targets) {
                target.asset().position = null;
            }
            Asset.flush();
        }
        for (int i = 0; i < targets.size(); i++) {
            Asset asset = targets.get(i).asset();
            PlannedPlacement p = planned.get(i);
            asset.rack = p.rack();
            asset.site = p.rack() != null ? p.rack().site : asset.site;
            asset.position = p.position() == null ? null : p.position().setScale(1);
            asset.face = p.face();
        }
        Asset.flush();
        List<AssetDto> after = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            AssetDto now = targets.get(i).asset().dto();
            changes.record(new Change("asset", String.valueOf(now.id()), "moved", before.get(i), now, null));
            after.add(now);
        }
        return after;
    }
}
