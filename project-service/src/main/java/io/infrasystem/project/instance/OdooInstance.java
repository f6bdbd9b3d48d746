package io.infrasystem.project.instance;

import io.infrasystem.commons.crud.Tracked;
import io.infrasystem.project.project.Project;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * An Odoo instance of a project ({@code instance}): name unique per project; at most one active
 * production instance per project (partial unique index {@code uq_instance_active_production}).
 */
@Entity
@Table(name = "instance")
public class OdooInstance extends Tracked {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Project project;

    public String name;
    public InstanceType type;
    public InstanceStatus status;
    public String url;
    public String odooVersion;
    public OdooEdition odooEdition;
    public String databaseName;
    public String host;
    public String hostRef;
    public String notes;

    /** @return whether this is the project's active production instance */
    public boolean activeProduction() {
        return type == InstanceType.PRODUCTION && status == InstanceStatus.ACTIVE;
    }

    /** @return the API view */
    public InstanceDto dto() {
        return new InstanceDto(
                id,
                project.id,
                project.name,
                name,
                type,
                status,
                url,
                odooVersion,
                odooEdition,
                databaseName,
                host,
                hostRef,
                notes,
                version,
                createdAt,
                updatedAt);
    }

    /** @return the current values as an input (the target of a merge patch) */
    public InstanceInput input() {
        return new InstanceInput(
                project.id, name, type, status, url, odooVersion, odooEdition, databaseName, host, hostRef, notes);
    }
}
