import type { components } from './generated/project-service';
import { ApiError, api, ifMatch, withQuery, type Query } from './client';

type Schemas = components['schemas'];
export type Client = Schemas['ClientDto'];
export type ClientInput = Schemas['ClientInput'];
export type Project = Schemas['ProjectDto'];
export type ProjectInput = Schemas['ProjectInput'];
export type ProjectStatus = Schemas['ProjectStatus'];
export type Instance = Schemas['InstanceDto'];
export type InstanceInput = Schemas['InstanceInput'];
export type InstanceType = Schemas['InstanceType'];
export type InstanceStatus = Schemas['InstanceStatus'];
export type OdooEdition = Schemas['OdooEdition'];
export type Assignment = Schemas['AssignmentDto'];
export type AssignmentInput = Schemas['AssignmentInput'];
export type HealthCheck = Schemas['HealthCheckDto'];

export const PROJECT_STATUSES: ProjectStatus[] = ['active', 'on_hold', 'closed'];
export const INSTANCE_TYPES: InstanceType[] = ['production', 'staging', 'development'];
export const INSTANCE_STATUSES: InstanceStatus[] = ['active', 'inactive', 'archived'];
export const ODOO_EDITIONS: OdooEdition[] = ['community', 'enterprise'];

const BASE = '/api/project';

/** `X-Confirm-Instance`: the production safeguard's confirmation, the instance's exact name. */
const confirmation = (name?: string): Record<string, string> => (name ? { 'X-Confirm-Instance': name } : {});

/**
 * project-service's clients, projects, instances and assignments (types from its OpenAPI
 * document; creates and replaces answer the DTO, which the document leaves untyped). A non-admin's
 * reads hold only the projects assigned to them (anything else is a 404); writes are admin-only and
 * send `If-Match` with the version the user saw. Query keys of these calls start with
 * `['project']`, so every `project.*` live event refreshes them (see `live/LiveUpdates.tsx`).
 */
export const projectApi = {
  clients: (query: Query) => api<Schemas['PageClientDto']>('GET', withQuery(`${BASE}/clients`, query)),
  client: (id: number) => api<Client>('GET', `${BASE}/clients/${id}`),
  createClient: (input: ClientInput) => api<Client>('POST', `${BASE}/clients`, input),
  replaceClient: (id: number, version: number, input: ClientInput) =>
    api<Client>('PUT', `${BASE}/clients/${id}`, input, ifMatch(version)),
  removeClient: (id: number, version: number) =>
    api<void>('DELETE', `${BASE}/clients/${id}`, undefined, ifMatch(version)),

  projects: (query: Query) => api<Schemas['PageProjectDto']>('GET', withQuery(`${BASE}/projects`, query)),
  project: (id: number) => api<Project>('GET', `${BASE}/projects/${id}`),
  createProject: (input: ProjectInput) => api<Project>('POST', `${BASE}/projects`, input),
  replaceProject: (id: number, version: number, input: ProjectInput) =>
    api<Project>('PUT', `${BASE}/projects/${id}`, input, ifMatch(version)),
  removeProject: (id: number, version: number) =>
    api<void>('DELETE', `${BASE}/projects/${id}`, undefined, ifMatch(version)),

  instances: (query: Query) => api<Schemas['PageInstanceDto']>('GET', withQuery(`${BASE}/instances`, query)),
  createInstance: (input: InstanceInput) => api<Instance>('POST', `${BASE}/instances`, input),
  /** @param confirm the instance's name, when the change ends its being the active production instance */
  replaceInstance: (id: number, version: number, input: InstanceInput, confirm?: string) =>
    api<Instance>('PUT', `${BASE}/instances/${id}`, input, { ...ifMatch(version), ...confirmation(confirm) }),
  removeInstance: (id: number, version: number, confirm?: string) =>
    api<void>('DELETE', `${BASE}/instances/${id}`, undefined, { ...ifMatch(version), ...confirmation(confirm) }),
  /** The instance's newest health probe, or null when it was never probed. */
  latestHealth: async (id: number) =>
    (await api<Schemas['PageHealthCheckDto']>('GET', withQuery(`${BASE}/instances/${id}/health`, { limit: 1 })))
      .results?.[0] ?? null,

  assignments: (query: Query) => api<Schemas['PageAssignmentDto']>('GET', withQuery(`${BASE}/assignments`, query)),
  assign: (input: AssignmentInput) => api<Assignment>('POST', `${BASE}/assignments`, input),
  unassign: (id: number, version: number) =>
    api<void>('DELETE', `${BASE}/assignments/${id}`, undefined, ifMatch(version)),
};

/** Whether an edit of an instance needs the production safeguard's confirmation: it ends its being the project's active production instance. */
export function endsActiveProduction(before: Instance, after: InstanceInput): boolean {
  const wasActiveProduction = before.type === 'production' && before.status === 'active';
  const stays = after.type === 'production' && (after.status ?? 'active') === 'active' && after.project_id === before.project_id;
  return wasActiveProduction && !stays;
}

/** The active production instance of the same project that a 409 named (`instance 12 (erp-prod) is …`). */
export function existingProduction(error: unknown): { id: number; name: string } | undefined {
  if (!(error instanceof ApiError) || error.status !== 409) return undefined;
  for (const e of error.errors) {
    const match = /instance (\d+) \((.*)\) is the active production instance/.exec(e.message);
    if (match) return { id: Number(match[1]), name: match[2] };
  }
  return undefined;
}
