package io.infrasystem.vm.trigger;

import io.infrasystem.commons.crud.Tracked;
import io.infrasystem.commons.crypto.EncryptedText;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Transient;
import java.time.Instant;

/** An n8n webhook that starts a sync of one vCenter or Prism Central ({@code system_api}). */
@Entity
public class SystemApi extends Tracked {

    public String name;
    public String url;
    public String method;
    public String resourceType;
    public String source;

    @Column(name = "is_active")
    public boolean active;
    /** Header the trigger sends to authenticate at n8n (Header Auth), null when the webhook is open. */
    public String authHeaderName;
    /**
     * The header's secret value, in clear here and AES-256-GCM encrypted in the database
     * ({@link EncryptedText}); never leaves the service except towards the webhook.
     */
    @Convert(converter = EncryptedText.class)
    public String authHeaderValue;
    /** When the header was last set, changed or cleared (UTC), null when never. */
    public Instant authHeaderChangedAt;

    /** Whether the pending write sets, rotates or clears the auth header (then its time moves). */
    @Transient
    boolean authHeaderChanged;

    /** Stamps {@link #authHeaderChangedAt} with the creation or update time when the header changed. */
    @PrePersist
    @PreUpdate
    void stampAuthHeaderChange() {
        if (authHeaderChanged) {
            authHeaderChangedAt = id == null && authHeaderName == null ? null : updatedAt;
            authHeaderChanged = false;
        }
    }

    /** @return the API view, which tells whether a secret is set but never carries it */
    public SystemApiDto dto() {
        return new SystemApiDto(
                id,
                name,
                url,
                method,
                resourceType,
                source,
                active,
                authHeaderName,
                authHeaderValue != null,
                authHeaderChangedAt,
                version,
                createdAt,
                updatedAt);
    }

    /** @return the current values as an input (the target of a merge patch), with the stored secret */
    public SystemApiInput input() {
        return new SystemApiInput(name, url, method, resourceType, source, active, authHeaderName, authHeaderValue);
    }

    /** @return the source its runs are for: {@link #source}, else the name */
    public String runSource() {
        return source != null && !source.isBlank() ? source : name;
    }
}
