import type { components } from './generated/vm-service';
import { crudCalls } from './client';

type Schemas = components['schemas'];
export type Owner = Schemas['OwnerDto'];
export type OwnerInput = Schemas['OwnerInput'];
export type OwnerPage = Schemas['PageOwnerDto'];

/**
 * vm-service's owners (types from its OpenAPI document; create and replace answer an OwnerDto,
 * which the document leaves untyped). Writes send `If-Match` with the version the user saw.
 */
export const ownerApi = crudCalls<Owner, OwnerInput>('/api/vm/owners');
