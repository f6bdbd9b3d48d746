package io.infrasystem.inventory.audit;

import io.infrasystem.commons.audit.AuditLogResource;
import jakarta.ws.rs.Path;

/** The audit log of inventory-service: {@code GET /api/inventory/audit} (administrators). */
@Path("/api/inventory/audit")
public class InventoryAuditResource extends AuditLogResource {}
