package io.infrasystem.inventory.rack;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrasystem.commons.audit.Change;
import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.filter.FilterSpec;
import io.infrasystem.commons.http.Versions;
import io.infrasystem.commons.paging.Page;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.inventory.common.Lists;
import io.infrasystem.commons.http.MergePatch;
import io.infrasystem.inventory.site.SiteService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;

/** Racks: list, read, create, update (never shrinking below a placed asset), delete. */
@ApplicationScoped
public class RackService implements io.infrasystem.inventory.common.CrudService<RackDto, RackInput> {

    /** Filters of rack lists and the rack CSV export. */
    public static final FilterSpec FILTERS = FilterSpec.builder("r.id")
            .field(FilterField.integer("id", "r.id"))
            .field(FilterField.text("name", "r.name"))
            .field(FilterField.integer("site_id", "r.site.id"))
            .field(FilterField.membership("site", "(r.site.slug in (:values) or r.site.name in (:values))", v -> v))
            .field(FilterField.choice("status", "r.status", RackStatus.class))
            .field(FilterField.text("facility_id", "r.facilityId"))
            .field(FilterField.integer("u_height", "r.uHeight"))
            .field(FilterField.timestamp("created_at", "r.createdAt"))
            .field(FilterField.timestamp("updated_at", "r.updatedAt"))
            .search("r.name", "r.facilityId", "r.description")
            .defaultOrdering("name")
            .build();

    private static final Set<Integer> WIDTHS = Set.of(10, 19, 21, 23);

    private final ChangeRecorder changes;
    private final MergePatch mergePatch;
    private final SiteService sites;

    public RackService(ChangeRecorder changes, MergePatch mergePatch, SiteService sites) {
        this.changes = changes;
        this.mergePatch = mergePatch;
        this.sites = sites;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    @Override
    public Page<RackDto> list(UriInfo uri) {
        return Lists.page(FILTERS, uri, (q, p) -> Rack.find("from Rack r where " + q, p), Rack::dto);
    }

    /** @throws ProblemException 404 when there is no such rack */
    public Rack require(long id) {
        return Rack.<Rack>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("rack", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    @Override
    public RackDto get(long id) {
        return require(id).dto();
    }

    @Transactional
    @Override
    public RackDto create(RackInput input) {
        return createEntity(input).dto();
    }

    /** Creates a rack; call inside a transaction. */
    public Rack createEntity(RackInput input) {
        Rack rack = new Rack();
        apply(rack, input);
        rack.persistAndFlush();
        changes.record(Change.created("rack", rack.id, rack.dto()));
        return rack;
    }

    @Transactional
    @Override
    public RackDto update(long id, RackInput input, String ifMatch) {
        return updateEntity(require(id), input, ifMatch).dto();
    }

    /**
     * Updates a rack; call inside a transaction.
     *
     * @throws ProblemException 409 when the new shape leaves a placed asset outside the rack, or
     *     the rack would change site while it holds assets
     */
    public Rack updateEntity(Rack rack, RackInput input, String ifMatch) {
        Versions.checkIfMatch(ifMatch, rack.version);
        RackDto before = rack.dto();
        long oldSite = rack.site.id;
        apply(rack, input);
        long assets = Rack.getEntityManager().createQuery("select count(a) from Asset a where a.rack.id = :id", Long.class)
                .setParameter("id", rack.id).getSingleResult();
        if (assets > 0 && oldSite != rack.site.id) {
            throw ProblemException.conflict("rack " + rack.id + " holds " + assets + " asset(s) and cannot change site");
        }
        long outside = Rack.getEntityManager().createQuery("""
                select count(a) from Asset a where a.rack.id = :id and a.position is not null
                and (a.position < :low or a.position + a.model.uHeight > :high)""", Long.class)
                .setParameter("id", rack.id).setParameter("low", new java.math.BigDecimal(rack.startingUnit))
                .setParameter("high", new java.math.BigDecimal(rack.aboveTop())).getSingleResult();
        if (outside > 0) {
            throw ProblemException.conflict(outside + " asset(s) of rack " + rack.id + " would sit outside units "
                    + rack.startingUnit + "-" + (rack.aboveTop() - 1) + "; move them first");
        }
        rack.flush();
        changes.record(Change.updated("rack", rack.id, before, rack.dto()));
        return rack;
    }

    @Transactional
    @Override
    public RackDto patch(long id, JsonNode patch, String ifMatch) {
        return update(id, mergePatch.apply(require(id).input(), patch, RackInput.class), ifMatch);
    }

    /** Deletes an empty rack (409 while assets are in it). */
    @Transactional
    @Override
    public void delete(long id, String ifMatch) {
        Rack rack = require(id);
        Versions.checkIfMatch(ifMatch, rack.version);
        long assets = Rack.getEntityManager().createQuery("select count(a) from Asset a where a.rack.id = :id", Long.class)
                .setParameter("id", id).getSingleResult();
        if (assets > 0) {
            throw ProblemException.conflict("rack " + id + " still holds " + assets + " asset(s)");
        }
        RackDto before = rack.dto();
        rack.delete();
        rack.flush();
        changes.record(Change.deleted("rack", id, before));
    }

    private void apply(Rack rack, RackInput input) {
        if (input.widthIn() != null && !WIDTHS.contains(input.widthIn())) {
            throw ProblemException.invalid("width_in", "must be one of 10, 19, 21, 23 (inches)");
        }
        rack.site = sites.requireReference("site_id", input.siteId());
        rack.name = input.name().strip();
        rack.facilityId = input.facilityId();
        rack.status = input.status();
        rack.uHeight = input.uHeight() == null ? 42 : input.uHeight();
        rack.startingUnit = input.startingUnit() == null ? 1 : input.startingUnit();
        rack.descUnits = Boolean.TRUE.equals(input.descUnits());
        rack.widthIn = input.widthIn() == null ? 19 : input.widthIn();
        rack.outerDepthMm = input.outerDepthMm();
        rack.description = input.description();
    }
}
