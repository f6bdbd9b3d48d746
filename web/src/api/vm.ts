import type { components } from './generated/vm-service';
import { api, download, ifMatch, withQuery, type Query } from './client';

type Schemas = components['schemas'];
export type Stats = Schemas['Stats'];
export type VmSummary = Schemas['VmSummary'];
export type VmDetail = Schemas['VmDetail'];
export type VmPage = Schemas['PageVmSummary'];
export type Manual = Schemas['Manual'];
export type ManualView = Schemas['ManualView'];
export type HistoryEntry = Schemas['HistoryEntry'];
export type BulkTags = Schemas['BulkTags'];
export type IpInput = Schemas['IpInput'];

/**
 * The fields of the manual data a person edits (`PATCH /api/vm/vms/{id}/manual`, a JSON Merge
 * Patch of these snake_case names; null clears a value).
 */
export type ManualPatch = Partial<Omit<Manual, 'updated_by' | 'updated_at' | 'version'>>;

/**
 * vm-service through the gateway (types from its OpenAPI document; the manual data's GET and PATCH
 * answer a ManualView, which the document leaves untyped).
 */
export const vmApi = {
  stats: () => api<Stats>('GET', '/api/vm/stats'),
  vms: (query: Query) => api<VmPage>('GET', withQuery('/api/vm/vms', query)),
  exportCsv: (query: Query) => download(withQuery('/api/vm/vms/export.csv', query), 'text/csv'),
  vm: (id: number) => api<VmDetail>('GET', `/api/vm/vms/${id}`),
  /** The manual data now (its `manual.version` is the current ETag). */
  manual: (id: number) => api<ManualView>('GET', `/api/vm/vms/${id}/manual`),
  /** Merges the patch if the manual data is still at `version`; 412 (an ApiError) when it moved on. */
  patchManual: (id: number, version: number, patch: ManualPatch) =>
    api<ManualView>('PATCH', `/api/vm/vms/${id}/manual`, patch, ifMatch(version)),
  addIp: (id: number, input: IpInput) => api<ManualView>('POST', `/api/vm/vms/${id}/ips`, input),
  removeIp: (id: number, ipId: number) => api<ManualView>('DELETE', `/api/vm/vms/${id}/ips/${ipId}`),
  addTag: (id: number, tag: string) => api<ManualView>('POST', `/api/vm/vms/${id}/tags`, { tag }),
  removeTag: (id: number, tag: string) =>
    api<ManualView>('DELETE', `/api/vm/vms/${id}/tags/${encodeURIComponent(tag)}`),
  /** Adds and removes tags on several VMs, all or none. */
  bulkTags: (input: BulkTags) => api<ManualView[]>('POST', '/api/vm/vms/tags/bulk', input),
  /** Sets custom fields (`{key: value}`) and removes others (`{key: null}`). */
  customFields: (id: number, fields: Record<string, string | null>) =>
    api<ManualView>('PATCH', `/api/vm/vms/${id}/custom-fields`, fields),
  /** Admin quick-assign of the technical owner. */
  assignTechnicalOwner: (id: number, ownerId: number) =>
    api<ManualView>('POST', `/api/vm/vms/${id}/technical-owner`, { owner_id: ownerId }),
  /** Admin soft-delete, with an optional reason. */
  remove: (id: number, reason?: string) => api<ManualView>('DELETE', withQuery(`/api/vm/vms/${id}`, { reason })),
  restore: (id: number) => api<ManualView>('POST', `/api/vm/vms/${id}/restore`),
};
