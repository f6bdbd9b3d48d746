package io.infrasystem.cert.ignore;

import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.crud.CrudKind;
import io.infrasystem.commons.http.MergePatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Ignored certificate patterns on the CRUD kernel (see {@link IgnorePatternService}). */
@ApplicationScoped
public class IgnoredCertificateService extends IgnorePatternService<IgnoredCertificate> {

    static final CrudKind<IgnoredCertificate, IgnorePatternDto, IgnorePatternInput> KIND = CrudKind.of(
                    "ignored_certificate", IgnoredCertificate.class, IgnorePatternInput.class)
            .listedBy(filters())
            .entity(IgnoredCertificate::new, IgnoredCertificate::dto, IgnoredCertificate::input);

    @Inject
    public IgnoredCertificateService(ChangeRecorder changes, MergePatch mergePatch) {
        super(changes, mergePatch, KIND);
    }

    /** For the CDI client proxy only. */
    protected IgnoredCertificateService() {}
}
