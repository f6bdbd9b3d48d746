package io.infrasystem.mail.audit;

import io.infrasystem.commons.audit.AuditLogResource;
import jakarta.ws.rs.Path;

/** The audit log of mail-gateway: {@code GET /api/mail/audit} (administrators). */
@Path("/api/mail/audit")
public class MailAuditResource extends AuditLogResource {}
