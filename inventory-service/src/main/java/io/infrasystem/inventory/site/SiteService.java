package io.infrasystem.inventory.site;

import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.crud.CrudKind;
import io.infrasystem.commons.crud.EntityCrudService;
import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.http.MergePatch;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.inventory.slug.Slugs;
import jakarta.enterprise.context.ApplicationScoped;

/** Sites: list, read, create, update, delete, each write through the change hook. */
@ApplicationScoped
public class SiteService extends EntityCrudService<Site, SiteDto, SiteInput> {

    /** Sites, with the filters of {@code GET /api/inventory/sites}. */
    static final CrudKind<Site, SiteDto, SiteInput> KIND = CrudKind.of("site", Site.class, SiteInput.class)
            .listedBy(CrudKind.filters("s", "name")
                    .fields(FilterField::text, "name", "slug", "time_zone")
                    .field(FilterField.choice("status", "s.status", SiteStatus.class))
                    .search("s.name", "s.slug", "s.address", "s.description"))
            .entity(Site::new, Site::dto, Site::input);

    public SiteService(ChangeRecorder changes, MergePatch mergePatch) {
        super(changes, mergePatch, KIND);
    }

    /** A site that still holds racks or assets cannot be deleted (409). */
    @Override
    protected void checkDeletable(Site site) {
        long racks = countReferences("select count(r) from Rack r where r.site.id = :id", site);
        long assets = countReferences("select count(a) from Asset a where a.site.id = :id", site);
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
