package io.infrasystem.cert.ignore;

import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.crud.CrudKind;
import io.infrasystem.commons.http.MergePatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Ignored domain patterns on the CRUD kernel (see {@link IgnorePatternService}). */
@ApplicationScoped
public class IgnoredDomainService extends IgnorePatternService<IgnoredDomain> {

    static final CrudKind<IgnoredDomain, IgnorePatternDto, IgnorePatternInput> KIND = CrudKind.of(
                    "ignored_domain", IgnoredDomain.class, IgnorePatternInput.class)
            .listedBy(filters())
            .entity(IgnoredDomain::new, IgnoredDomain::dto, IgnoredDomain::input);

    @Inject
    public IgnoredDomainService(ChangeRecorder changes, MergePatch mergePatch) {
        super(changes, mergePatch, KIND);
    }

    /** For the CDI client proxy only. */
    protected IgnoredDomainService() {}
}
