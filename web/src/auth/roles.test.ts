import { describe, expect, it } from 'vitest';
import { grantableScopes, hasRole, rolesOf } from './roles';

function token(claims: object): string {
  const encode = (o: object) => btoa(JSON.stringify(o)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${encode({ alg: 'none' })}.${encode(claims)}.sig`;
}

describe('roles', () => {
  it('reads the suite roles from realm_access.roles and ignores others', () => {
    expect(rolesOf(token({ realm_access: { roles: ['offline_access', 'editor', 'viewer'] } }))).toEqual(['viewer', 'editor']);
    expect(rolesOf(token({ sub: 'x' }))).toEqual([]);
  });

  it('ranks admin over editor over viewer', () => {
    expect(hasRole(['admin'], 'viewer')).toBe(true);
    expect(hasRole(['editor'], 'admin')).toBe(false);
    expect(hasRole([], 'viewer')).toBe(false);
  });

  it('offers only the scopes the role implies', () => {
    expect(grantableScopes(['viewer'])).not.toContain('vm:write');
    expect(grantableScopes(['viewer'])).toContain('events:read');
    expect(grantableScopes(['editor'])).toContain('vm:sync');
    expect(grantableScopes(['editor'])).not.toContain('mail:send');
    expect(grantableScopes(['admin'])).toHaveLength(11);
  });
});
