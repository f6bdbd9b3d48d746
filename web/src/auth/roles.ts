/** The suite's realm roles, weakest first. */
export type Role = 'viewer' | 'editor' | 'admin';

const ALL: Role[] = ['viewer', 'editor', 'admin'];

/** Decodes a JWT's payload (no verification: the API verifies; the app only reads its roles). */
export function jwtClaims(token: string): Record<string, unknown> {
  const part = token.split('.')[1];
  if (!part) return {};
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

/** @returns the suite's roles in the access token's `realm_access.roles` */
export function rolesOf(accessToken: string): Role[] {
  const access = jwtClaims(accessToken).realm_access as { roles?: unknown } | undefined;
  const roles = Array.isArray(access?.roles) ? (access.roles as string[]) : [];
  return ALL.filter((r) => roles.includes(r));
}

/** An admin is also an editor and a viewer; an editor also a viewer. */
export function hasRole(roles: Role[], needed: Role): boolean {
  const rank = Math.max(-1, ...roles.map((r) => ALL.indexOf(r)));
  return rank >= ALL.indexOf(needed);
}

/** Scopes each role may give an API key (DESIGN.md §2). */
export const READ_SCOPES = [
  'inventory:read', 'vm:read', 'cert:read', 'project:read', 'events:read',
];
export const WRITE_SCOPES = ['inventory:write', 'vm:write', 'vm:sync', 'cert:write', 'project:write'];
export const ADMIN_SCOPES = ['mail:send'];

export function grantableScopes(roles: Role[]): string[] {
  if (hasRole(roles, 'admin')) return [...READ_SCOPES, ...WRITE_SCOPES, ...ADMIN_SCOPES];
  if (hasRole(roles, 'editor')) return [...READ_SCOPES, ...WRITE_SCOPES];
  if (hasRole(roles, 'viewer')) return READ_SCOPES;
  return [];
}
