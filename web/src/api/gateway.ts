import type { components } from './generated/api-gateway';
import { api, ifMatch, withQuery, type Query } from './client';

type Schemas = components['schemas'];
export type ApiKey = Schemas['ApiKeyDto'];
export type ApiKeyPage = Schemas['PageApiKeyDto'];
export type CreateApiKey = Schemas['Create'];
export type CreatedApiKey = Schemas['Created'];
export type AuthFailurePage = Schemas['PageDto'];
export type DirectoryUser = Schemas['UserDto'];
export type RateLimits = Schemas['View'];
export type RateLimitsInput = Schemas['Input'];

/** api-gateway's own endpoints (types from its OpenAPI document). */
export const gatewayApi = {
  keys: (query: Query) => api<ApiKeyPage>('GET', withQuery('/api/gateway/api-keys', query)),
  createKey: (input: CreateApiKey) => api<CreatedApiKey>('POST', '/api/gateway/api-keys', input),
  revokeKey: (id: number, version: number) =>
    api<ApiKey>('DELETE', `/api/gateway/api-keys/${id}`, undefined, ifMatch(version)),
  authFailures: (query: Query) => api<AuthFailurePage>('GET', withQuery('/api/gateway/auth-failures', query)),
  /** The realm's people (admins): `q` matches user name, e-mail, first or last name. */
  users: (query: Query) => api<Schemas['PageUserDto']>('GET', withQuery('/api/gateway/users', query)),
  /** The rate limits in force (admins); version 0 while the configuration's defaults apply. */
  rateLimits: () => api<RateLimits>('GET', '/api/gateway/rate-limits'),
  saveRateLimits: (version: number, input: Partial<RateLimitsInput>) =>
    api<RateLimits>('PUT', '/api/gateway/rate-limits', input, ifMatch(version)),
};
