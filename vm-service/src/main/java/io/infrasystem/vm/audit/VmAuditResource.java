package io.infrasystem.vm.audit;

import io.infrasystem.commons.audit.AuditLogResource;
import jakarta.ws.rs.Path;

/** The audit log of vm-service: {@code GET /api/vm/audit} (administrators). */
@Path("/api/vm/audit")
public class VmAuditResource extends AuditLogResource {}
