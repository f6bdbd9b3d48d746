package io.infrasystem.cert.audit;

import io.infrasystem.commons.audit.AuditLogResource;
import jakarta.ws.rs.Path;

/** The audit log of cert-service: {@code GET /api/cert/audit} (administrators). */
@Path("/api/cert/audit")
public class CertAuditResource extends AuditLogResource {}
