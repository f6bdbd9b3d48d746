package io.infrasystem.inventory.site;

import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.crud.CrudKind;
import io.infrasystem.commons.crud.EntityCrudService;
import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.filter.FilterSpec;
import io.infrasystem.commons.http.MergePatch;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.inventory.slug.Slugs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Sites: list, read, create, update, delete, each write through the change hook. */
@ApplicationScoped
public class SiteService extends EntityCrudService<Site, SiteDto, SiteInput> {

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

    private static final CrudKind<Site, SiteDto, SiteInput> KIND = new CrudKind<>(
            "site",
            "site",
            Site.class,
            SiteInput.class,
            Site::new,
            Site::dto,
            Site::input,
            FILTERS,
            (q, p) -> Site.find("from Site s where " + q, p));

    @Inject
    public SiteService(ChangeRecorder changes, MergePatch mergePatch) {
        super(changes, mergePatch, KIND);
    }

    /** For the CDI client proxy only. */
    protected SiteService() {}

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
        return Site.<Site>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.invalid(field, "site " + id + " does not exist"));
    }

    /** A site that still holds racks or assets cannot be deleted (409). */
    @Override
    protected void checkDeletable(Site site) {
        long racks = Site.getEntityManager()
                .createQuery("select count(r) from Rack r where r.site.id = :id", Long.class)
                .setParameter("id", site.id)
                .getSingleResult();
        long assets = Site.getEntityManager()
                .createQuery("select count(a) from Asset a where a.site.id = :id", Long.class)
                .setParameter("id", site.id)
                .getSingleResult();
        if (racks + assets > 0) {
            throw ProblemException.conflict("site " + site.id + " still holds " + racks + " rack(s) and " + assets
                    + " asset(s); move or delete them first");
        }
    }

    @Override
    protected void apply(Site site, SiteInput input) {
        site.name = input.name().strip();
        site.slug = input.slug() == null || input.slug().isBlank() ? Slugs.of(input.name()) : input.slug();
        site.status = input.status();
        site.address = input.address();
        site.timeZone = input.timeZone();
        site.description = input.description();
    }
}
