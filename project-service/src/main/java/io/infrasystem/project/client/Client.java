package io.infrasystem.project.client;

import io.infrasystem.commons.crud.Tracked;
import jakarta.persistence.Entity;

/** A customer whose projects the team runs ({@code client}); the name is unique, case-insensitive. */
@Entity
public class Client extends Tracked {

    public String name;
    public String contactName;
    public String contactEmail;
    public String contactPhone;
    public String notes;

    /** @return the API view */
    public ClientDto dto() {
        return new ClientDto(id, name, contactName, contactEmail, contactPhone, notes, version, createdAt, updatedAt);
    }

    /** @return the current values as an input (the target of a merge patch) */
    public ClientInput input() {
        return new ClientInput(name, contactName, contactEmail, contactPhone, notes);
    }
}
