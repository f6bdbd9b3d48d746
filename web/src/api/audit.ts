import type { components } from './generated/vm-service';
import { api, withQuery, type Query } from './client';

/** Every service serves the same audit endpoint (commons' AuditLogResource), admins only. */
export type AuditEntry = components['schemas']['AuditEntry'];
export type AuditPage = components['schemas']['PageAuditEntry'];

/** The services with an audit log, by their path prefix under /api. */
export const AUDITED_SERVICES = ['vm', 'inventory', 'mail', 'gateway', 'cert', 'project'] as const;
export type AuditedService = (typeof AUDITED_SERVICES)[number];

export const auditApi = {
  list: (service: AuditedService, query: Query) => api<AuditPage>('GET', withQuery(`/api/${service}/audit`, query)),
};
