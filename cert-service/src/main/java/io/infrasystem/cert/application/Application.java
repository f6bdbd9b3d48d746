package io.infrasystem.cert.application;

import io.infrasystem.commons.crud.Tracked;
import jakarta.persistence.Entity;

/** An application that uses certificates ({@code application}); its name is unique (case-insensitive). */
@Entity
public class Application extends Tracked {

    public String name;
    public ApplicationType appType;
    public String owner;
    public String notes;

    /** @return the API view */
    public ApplicationDto dto() {
        return new ApplicationDto(id, name, appType, owner, notes, version, createdAt, updatedAt);
    }

    /** @return the current values as an input (the target of a merge patch) */
    public ApplicationInput input() {
        return new ApplicationInput(name, appType, owner, notes);
    }
}
