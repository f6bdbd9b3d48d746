import type { components } from './generated/vm-service';
import { api, withQuery, type Query } from './client';

type Schemas = components['schemas'];
export type Host = Schemas['HostDto'];
export type Network = Schemas['NetworkDto'];

/** The API's platforms (vm-service's Platform). */
export const PLATFORMS: Schemas['Platform'][] = ['nutanix', 'vmware', 'other'];

/** vm-service's hypervisor hosts and networks, as the sync payloads named them (read-only lists). */
export const platformApi = {
  hosts: (query: Query) => api<Schemas['PageHostDto']>('GET', withQuery('/api/vm/hosts', query)),
  networks: (query: Query) => api<Schemas['PageNetworkDto']>('GET', withQuery('/api/vm/networks', query)),
};
