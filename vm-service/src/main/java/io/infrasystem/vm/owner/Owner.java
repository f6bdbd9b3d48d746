package io.infrasystem.vm.owner;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A person who owns VMs, as business or technical owner ({@code owners}); e-mail is unique. */
@Entity
@Table(name = "owners")
public class Owner extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "full_name")
    public String fullName;

    public String email;
    public String designation;
    public String department;

    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** @return the API view */
    public OwnerDto dto() {
        return new OwnerDto(id, fullName, email, designation, department, version, createdAt, updatedAt);
    }
}
