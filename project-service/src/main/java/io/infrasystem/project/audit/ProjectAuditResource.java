package io.infrasystem.project.audit;

import io.infrasystem.commons.audit.AuditLogResource;
import jakarta.ws.rs.Path;

/**
 * The audit log of project-service: {@code GET /api/project/audit} (administrators only, so a
 * non-admin learns nothing of unassigned projects from it: 403 whatever the id).
 */
@Path("/api/project/audit")
public class ProjectAuditResource extends AuditLogResource {}
