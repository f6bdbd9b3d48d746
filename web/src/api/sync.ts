import type { components } from './generated/vm-service';
import { api, ifMatch, withQuery, type Query } from './client';

type Schemas = components['schemas'];
export type SyncRun = Schemas['SyncRun'];
export type Triggered = Schemas['Triggered'];
export type SystemApi = Schemas['SystemApiDto'];
export type SystemApiInput = Schemas['SystemApiInput'];
/** A JSON Merge Patch of a system API: what is left out stays (the stored secret too), null clears. */
export type SystemApiPatch = { [K in keyof SystemApiInput]?: SystemApiInput[K] | null };
export type TriggerTarget = 'nutanix' | 'vmware' | 'all';

/**
 * vm-service's sync runs, sync triggers and system APIs (the n8n webhooks the triggers call). The
 * webhook secret (`auth_header_value`) is write-only: sent, never answered.
 */
export const syncApi = {
  runs: (query: Query) => api<Schemas['PageSyncRun']>('GET', withQuery('/api/vm/sync-runs', query)),
  trigger: (target: TriggerTarget) => api<Triggered[]>('POST', `/api/vm/sync/${target}/trigger`),
  systemApis: (query: Query) => api<Schemas['PageSystemApiDto']>('GET', withQuery('/api/vm/system-apis', query)),
  createSystemApi: (input: SystemApiInput) => api<SystemApi>('POST', '/api/vm/system-apis', input),
  patchSystemApi: (id: number, version: number, patch: SystemApiPatch) =>
    api<SystemApi>('PATCH', `/api/vm/system-apis/${id}`, patch, ifMatch(version)),
  removeSystemApi: (id: number, version: number) =>
    api<void>('DELETE', `/api/vm/system-apis/${id}`, undefined, ifMatch(version)),
};
