package io.infrasystem.gateway.audit;

import io.infrasystem.commons.audit.AuditLogResource;
import jakarta.ws.rs.Path;

/** The audit log of api-gateway: {@code GET /api/gateway/audit} (administrators). */
@Path("/api/gateway/audit")
public class GatewayAuditResource extends AuditLogResource {}
