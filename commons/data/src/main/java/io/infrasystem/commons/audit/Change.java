package io.infrasystem.commons.audit;

import io.infrasystem.commons.security.Actor;
import java.util.List;

/**
 * A change to one resource, described once for both the audit log and the change event.
 *
 * @param resourceType entity name as used in event types and the API, e.g. {@code vm}, {@code asset}
 * @param resourceId the entity id (event subject and Kafka key)
 * @param action what happened: {@code created}, {@code updated}, {@code deleted}, or a domain verb
 *     such as {@code moved} or {@code restored}
 * @param before the resource's DTO before the change, {@code null} for a creation
 * @param after the resource's DTO after the change, {@code null} for a deletion
 * @param actor who made it, or {@code null} to take the caller of the current request (or the
 *     system when there is none)
 * @param changes the changed fields as the service already computed them (e.g. the per-field history
 *     of a sync), recorded as they are and always recorded; {@code null} to diff {@code before} and
 *     {@code after} as JSON
 */
public record Change(
        String resourceType,
        String resourceId,
        String action,
        Object before,
        Object after,
        Actor actor,
        List<FieldChange> changes) {

    /** A change whose fields are diffed from {@code before} and {@code after}. */
    public Change(String resourceType, String resourceId, String action, Object before, Object after, Actor actor) {
        this(resourceType, resourceId, action, before, after, actor, null);
    }

    /** @return a creation of {@code after} by the current caller */
    public static Change created(String resourceType, Object id, Object after) {
        return new Change(resourceType, String.valueOf(id), "created", null, after, null);
    }

    /** @return an update from {@code before} to {@code after} by the current caller */
    public static Change updated(String resourceType, Object id, Object before, Object after) {
        return new Change(resourceType, String.valueOf(id), "updated", before, after, null);
    }

    /** @return a deletion of {@code before} by the current caller */
    public static Change deleted(String resourceType, Object id, Object before) {
        return new Change(resourceType, String.valueOf(id), "deleted", before, null, null);
    }

    /** @return the same change attributed to {@code by} */
    public Change by(Actor by) {
        return new Change(resourceType, resourceId, action, before, after, by, changes);
    }

    /** @return the same change with its changed fields given, not diffed */
    public Change withChanges(List<FieldChange> fields) {
        return new Change(resourceType, resourceId, action, before, after, actor, List.copyOf(fields));
    }
}
