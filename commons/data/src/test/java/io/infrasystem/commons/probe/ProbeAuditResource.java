package io.infrasystem.commons.probe;

import io.infrasystem.commons.audit.AuditLogResource;
import jakarta.ws.rs.Path;

/** The audit endpoint of the probe service, as every service declares it. */
@Path("/api/probe/audit")
public class ProbeAuditResource extends AuditLogResource {}
