package io.infrasystem.vm.owner;

import io.infrasystem.commons.crud.Tracked;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A person who owns VMs, as business or technical owner ({@code owners}); e-mail is unique. */
@Entity
@Table(name = "owners")
public class Owner extends Tracked {

    public String fullName;
    public String email;
    public String designation;
    public String department;

    /** @return the API view */
    public OwnerDto dto() {
        return new OwnerDto(id, fullName, email, designation, department, version, createdAt, updatedAt);
    }

    /** @return the current values as an input (the target of a merge patch) */
    public OwnerInput input() {
        return new OwnerInput(fullName, email, designation, department);
    }
}
