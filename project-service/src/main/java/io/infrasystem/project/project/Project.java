package io.infrasystem.project.project;

import io.infrasystem.commons.crud.Tracked;
import io.infrasystem.project.client.Client;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import java.time.LocalDate;

/** A project of one client ({@code project}): name unique per client, code unique. */
@Entity
public class Project extends Tracked {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Client client;

    public String name;
    public String code;
    public ProjectStatus status;
    public String description;
    public LocalDate startDate;
    public LocalDate endDate;

    /** @return the API view */
    public ProjectDto dto() {
        return new ProjectDto(
                id,
                client.id,
                client.name,
                name,
                code,
                status,
                description,
                startDate,
                endDate,
                version,
                createdAt,
                updatedAt);
    }

    /** @return the current values as an input (the target of a merge patch) */
    public ProjectInput input() {
        return new ProjectInput(client.id, name, code, status, description, startDate, endDate);
    }
}
