import type { components } from './generated/vm-service';
import { api, ifMatch, withQuery, type Query } from './client';

type Schemas = components['schemas'];
export type Owner = Schemas['OwnerDto'];
export type OwnerInput = Schemas['OwnerInput'];
export type OwnerPage = Schemas['PageOwnerDto'];

/**
 * vm-service's owners (types from its OpenAPI document; create and replace answer an OwnerDto,
 * which the document leaves untyped). Writes send `If-Match` with the version the user saw.
 */
export const ownerApi = {
  list: (query: Query) => api<OwnerPage>('GET', withQuery('/api/vm/owners', query)),
  create: (input: OwnerInput) => api<Owner>('POST', '/api/vm/owners', input),
  replace: (id: number, version: number, input: OwnerInput) =>
    api<Owner>('PUT', `/api/vm/owners/${id}`, input, ifMatch(version)),
  remove: (id: number, version: number) => api<void>('DELETE', `/api/vm/owners/${id}`, undefined, ifMatch(version)),
};
