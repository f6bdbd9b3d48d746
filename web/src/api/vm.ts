import type { components } from './generated/vm-service';
import { api, download, withQuery, type Query } from './client';

type Schemas = components['schemas'];
export type Stats = Schemas['Stats'];
export type VmSummary = Schemas['VmSummary'];
export type VmDetail = Schemas['VmDetail'];
export type VmPage = Schemas['PageVmSummary'];

/** vm-service through the gateway (types from its OpenAPI document). */
export const vmApi = {
  stats: () => api<Stats>('GET', '/api/vm/stats'),
  vms: (query: Query) => api<VmPage>('GET', withQuery('/api/vm/vms', query)),
  exportCsv: (query: Query) => download(withQuery('/api/vm/vms/export.csv', query), 'text/csv'),
  vm: (id: number) => api<VmDetail>('GET', `/api/vm/vms/${id}`),
};
