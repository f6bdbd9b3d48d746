package io.infrasystem.inventory.rack;

import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.crud.CrudKind;
import io.infrasystem.commons.crud.EntityCrudService;
import io.infrasystem.commons.crud.References;
import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.http.MergePatch;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.inventory.site.Site;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/** Racks: list, read, create, update (never shrinking below a placed asset), delete. */
@ApplicationScoped
public class RackService extends EntityCrudService<Rack, RackDto, RackInput> {

    /** Racks; the filters are those of rack lists and the rack CSV export. */
    private static final String ASSETS = "select count(a) from Asset a where a.rack.id = :id";

    static final CrudKind<Rack, RackDto, RackInput> KIND = CrudKind.of("rack", Rack.class, RackInput.class)
            .listedBy(CrudKind.filters("r", "name")
                    .fields(FilterField::text, "name", "facility_id")
                    .fields(FilterField::integer, "u_height")
                    .relation("site", "r.site", "Site", "slug", "name")
                    .field(FilterField.choice("status", "r.status", RackStatus.class))
                    .search("r.name", "r.facilityId", "r.description"))
            .entity(Rack::new, Rack::dto, Rack::input)
            .deletableUnless(ASSETS, (rack, assets) -> "rack " + rack.id + " still holds " + assets + " asset(s)");

    private static final Set<Integer> WIDTHS = Set.of(10, 19, 21, 23);

    public RackService(ChangeRecorder changes, MergePatch mergePatch) {
        super(changes, mergePatch, KIND);
    }

    /**
     * Also, for a stored rack: 409 when the new shape leaves a placed asset outside the rack, or
     * the rack would change site while it holds assets.
     */
    @Override
    protected void apply(Rack rack, RackInput input) {
        if (input.widthIn() != null && !WIDTHS.contains(input.widthIn())) {
            throw ProblemException.invalid("width_in", "must be one of 10, 19, 21, 23 (inches)");
        }
        Long oldSite = rack.site == null ? null : rack.site.id;
        rack.site = References.require(Site.class, "site", "site_id", input.siteId());
        rack.name = input.name().strip();
        rack.facilityId = input.facilityId();
        rack.status = input.status();
        rack.uHeight = input.uHeight() == null ? 42 : input.uHeight();
        rack.startingUnit = input.startingUnit() == null ? 1 : input.startingUnit();
        rack.descUnits = Boolean.TRUE.equals(input.descUnits());
        rack.widthIn = input.widthIn() == null ? 19 : input.widthIn();
        rack.outerDepthMm = input.outerDepthMm();
        rack.description = input.description();
        if (rack.id != null) {
            checkAssetsStillFit(rack, oldSite);
        }
    }

    private void checkAssetsStillFit(Rack rack, Long oldSite) {
        long assets = countReferences(ASSETS, rack);
        if (assets > 0 && !rack.site.id.equals(oldSite)) {
            throw ProblemException.conflict(
                    "rack " + rack.id + " holds " + assets + " asset(s) and cannot change site");
        }
        long outside = Rack.getEntityManager()
                .createQuery("""
                    select count(a) from Asset a where a.rack.id = :id and a.position is not null
                    and (a.position < :low or a.position + a.model.uHeight > :high)\
                    """, Long.class)
                .setParameter("id", rack.id)
                .setParameter("low", new java.math.BigDecimal(rack.startingUnit))
                .setParameter("high", new java.math.BigDecimal(rack.aboveTop()))
                .getSingleResult();
        if (outside > 0) {
            throw ProblemException.conflict(outside + " asset(s) of rack " + rack.id + " would sit outside units "
                    + rack.startingUnit + "-" + (rack.aboveTop() - 1) + "; move them first");
        }
    }
}
