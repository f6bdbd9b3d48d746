package io.infrasystem.cert.tracking;

import io.infrasystem.cert.certificate.Certificate;
import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.crud.CrudKind;
import io.infrasystem.commons.crud.EntityCrudService;
import io.infrasystem.commons.crud.References;
import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.http.MergePatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Certificate tracking entries on the commons CRUD kernel. Filters: {@code id}, {@code created_at},
 * {@code updated_at}, {@code certificate_id}, {@code change_number}, {@code planned_date},
 * {@code status}, {@code q}.
 */
@ApplicationScoped
public class TrackingService extends EntityCrudService<CertificateTracking, TrackingDto, TrackingInput> {

    static final CrudKind<CertificateTracking, TrackingDto, TrackingInput> KIND = CrudKind.of(
                    "certificate_tracking", CertificateTracking.class, TrackingInput.class)
            .listedBy(CrudKind.filters("e", "-created_at")
                    .field(FilterField.integer("certificate_id", "e.certificate.id"))
                    .fields(FilterField::text, "change_number")
                    .fields(FilterField::date, "planned_date")
                    .field(FilterField.choice("status", "e.status", TrackingStatus.class))
                    .search("coalesce(e.changeNumber, '')", "coalesce(e.notes, '')"))
            .entity(CertificateTracking::new, CertificateTracking::dto, CertificateTracking::input);

    @Inject
    public TrackingService(ChangeRecorder changes, MergePatch mergePatch) {
        super(changes, mergePatch, KIND);
    }

    /** For the CDI client proxy only. */
    protected TrackingService() {}

    @Override
    protected void apply(CertificateTracking entry, TrackingInput input) {
        entry.certificate =
                References.require(Certificate.class, "certificate", "certificate_id", input.certificateId());
        entry.changeNumber = input.changeNumber();
        entry.plannedDate = input.plannedDate();
        entry.status = input.status();
        entry.notes = input.notes();
    }
}
