package io.infrasystem.cert.tracking;

import io.infrasystem.cert.certificate.Certificate;
import io.infrasystem.commons.crud.Tracked;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import java.time.LocalDate;

/** A lifecycle entry of a certificate ({@code certificate_tracking}): a change recorded, never carried out. */
@Entity
public class CertificateTracking extends Tracked {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Certificate certificate;

    public String changeNumber;
    public LocalDate plannedDate;
    public TrackingStatus status;
    public String notes;

    /** @return the API view */
    public TrackingDto dto() {
        return new TrackingDto(
                id, certificate.id, changeNumber, plannedDate, status, notes, version, createdAt, updatedAt);
    }

    /** @return the current values as an input (the target of a merge patch) */
    public TrackingInput input() {
        return new TrackingInput(certificate.id, changeNumber, plannedDate, status, notes);
    }
}
