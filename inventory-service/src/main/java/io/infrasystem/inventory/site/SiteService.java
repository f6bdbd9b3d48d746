package io.infrasystem.inventory.site;

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
import io.infrasystem.inventory.common.Slugs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;

/** Sites: list, read, create, update, delete, each write through the change hook. */
@ApplicationScoped
public class SiteService implements io.infrasystem.inventory.common.CrudService<SiteDto, SiteInput> {

    /** Filters of {@code GET /api/inventory/sites}. */
    static final FilterSpec FILTERS = FilterSpec.builder("s.id")
            .field(FilterField.integer("id", "s.id"))
            .field(FilterField.text("name", "s.name"))
            .field(FilterField.text("slug", "s.slug"))
            .field(FilterField.choice("status", "s.status", SiteStatus.class))
            .field(FilterField.text("time_zone", "s.timeZone"))
            .field(FilterField.timestamp("created_at", "s.createdAt"))
            .field(FilterField.timestamp("updated_at", "s.updatedAt"))
            .search("s.name", "s.slug", "s.address", "s.description")
            .defaultOrdering("name")
            .build();

    private final ChangeRecorder changes;
    private final MergePatch mergePatch;

    public SiteService(ChangeRecorder changes, MergePatch mergePatch) {
        this.changes = changes;
        this.mergePatch = mergePatch;
    }

    /** @return a page of sites matching the request's filters */
    @Transactional(Transactional.TxType.SUPPORTS)
    @Override
    public Page<SiteDto> list(UriInfo uri) {
        return Lists.page(FILTERS, uri, (q, p) -> Site.find("from Site s where " + q, p), Site::dto);
    }

    /** @throws ProblemException 404 when there is no such site */
    public Site require(long id) {
        return Site.<Site>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("site", id));
    }

    /**
     * @param field the input field that named the site, for the error
     * @param id the site id
     * @return the site
     * @throws ProblemException 400 on {@code field} when there is no such site
     */
    public Site requireReference(String field, Long id) {
        if (id == null) {
            throw ProblemException.invalid(field, "is required");
        }
        return Site.<Site>findByIdOptional(id).orElseThrow(() -> ProblemException.invalid(field, "site " + id + " does not exist"));
    }

    /** @return the site */
    @Transactional(Transactional.TxType.SUPPORTS)
    @Override
    public SiteDto get(long id) {
        return require(id).dto();
    }

    /** @return the created site; 409 (database rule) when its name or slug is taken */
    @Transactional
    @Override
    public SiteDto create(SiteInput input) {
        Site site = new Site();
        apply(site, input);
        site.persistAndFlush();
        changes.record(Change.created("site", site.id, site.dto()));
        return site.dto();
    }

    /** @return the updated site; 412 when {@code ifMatch} names an older version */
    @Transactional
    @Override
    public SiteDto update(long id, SiteInput input, String ifMatch) {
        Site site = require(id);
        Versions.checkIfMatch(ifMatch, site.version);
        SiteDto before = site.dto();
        apply(site, input);
        site.flush();
        changes.record(Change.updated("site", id, before, site.dto()));
        return site.dto();
    }

    /** @return the site after the JSON Merge Patch */
    @Transactional
    @Override
    public SiteDto patch(long id, JsonNode patch, String ifMatch) {
        return update(id, mergePatch.apply(require(id).input(), patch, SiteInput.class), ifMatch);
    }

    /** Deletes a site that holds no racks or assets (409 otherwise). */
    @Transactional
    @Override
    public void delete(long id, String ifMatch) {
        Site site = require(id);
        Versions.checkIfMatch(ifMatch, site.version);
        long racks = Site.getEntityManager().createQuery("select count(r) from Rack r where r.site.id = :id", Long.class)
                .setParameter("id", id).getSingleResult();
        long assets = Site.getEntityManager().createQuery("select count(a) from Asset a where a.site.id = :id", Long.class)
                .setParameter("id", id).getSingleResult();
        if (racks + assets > 0) {
            throw ProblemException.conflict("site " + id + " still holds " + racks + " rack(s) and " + assets
                    + " asset(s); move or delete them first");
        }
        SiteDto before = site.dto();
        site.delete();
        site.flush();
        changes.record(Change.deleted("site", id, before));
    }

    private static void apply(Site site, SiteInput input) {
        site.name = input.name().strip();
        site.slug = input.slug() == null || input.slug().isBlank() ? Slugs.of(input.name()) : input.slug();
        site.status = input.status();
        site.address = input.address();
        site.timeZone = input.timeZone();
        site.description = input.description();
    }
}
