package io.infrasystem.project.health;

import io.infrasystem.commons.crud.Stamped;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** One probe of an instance ({@code instance_health_check}); rows are only ever appended and pruned. */
@Entity
@Table(name = "instance_health_check")
public class HealthCheck extends Stamped {

    public long instanceId;
    public Instant checkedAt;
    public HealthStatus status;
    public Integer httpStatus;
    public long latencyMs;
    public String serverVersion;
    public String error;

    /** @return the API view */
    public HealthCheckDto dto() {
        return new HealthCheckDto(id, instanceId, checkedAt, status, httpStatus, latencyMs, serverVersion, error);
    }
}
