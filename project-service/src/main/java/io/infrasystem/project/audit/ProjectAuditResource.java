package io.infrasystem.project.audit;

import io.infrasystem.commons.audit.AuditLogResource;
import jakarta.ws.rs.Path;

/** The audit log of project-service: {@code GET /api/project/audit} (administrators). */
@Path("/api/project/audit")
public class ProjectAuditResource extends AuditLogResource {}
