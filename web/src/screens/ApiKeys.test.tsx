import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ApiKeys from './ApiKeys';
import { renderApp, stubFetch } from '../test/render';

const KEY = {
  id: 5, key_id: 'abc', display: 'isk_abc_…wxyz', name: 'script', owner: 'dev-viewer', created_by: 'dev-viewer',
  scopes: ['vm:read'], status: 'active', version: 0, created_at: '2026-01-01T10:00:00Z', updated_at: '2026-01-01T10:00:00Z',
};

describe('ApiKeys', () => {
  it('offers a viewer only read scopes', async () => {
    stubFetch({ '/api/gateway/api-keys': { count: 0, results: [] } });
    renderApp(<ApiKeys />, { roles: ['viewer'] });
    expect(await screen.findByText('No API key yet.')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'vm:read' })).toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: 'vm:write' })).not.toBeInTheDocument();
  });

  it('creates a key and shows its secret once', async () => {
    let body: unknown;
    stubFetch({
      'GET /api/gateway/api-keys': { count: 1, results: [KEY] },
      'POST /api/gateway/api-keys': (init) => {
        body = JSON.parse(String(init?.body));
        return new Response(JSON.stringify({ api_key: KEY, secret: 'isk_abc_secretwxyz' }), { status: 201 });
      },
    });
    renderApp(<ApiKeys />, { roles: ['viewer'] });
    await userEvent.type(await screen.findByRole('textbox', { name: /Name/ }), 'script');
    await userEvent.click(screen.getByRole('checkbox', { name: 'vm:read' }));
    await userEvent.click(screen.getByRole('button', { name: 'Create key' }));
    expect(await screen.findByTestId('api-key-secret')).toHaveTextContent('isk_abc_secretwxyz');
    expect(body).toEqual({ name: 'script', scopes: ['vm:read'] });
    await userEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.queryByText('isk_abc_secretwxyz')).not.toBeInTheDocument();
  });

  it('revokes a key with its version', async () => {
    const calls = stubFetch({
      'GET /api/gateway/api-keys': { count: 1, results: [KEY] },
      'DELETE /api/gateway/api-keys/5': { ...KEY, status: 'revoked' },
    });
    renderApp(<ApiKeys />, { roles: ['viewer'] });
    await userEvent.click(await screen.findByRole('button', { name: 'Revoke script' }));
    const revoke = calls.find((c) => c.init?.method === 'DELETE')!;
    expect((revoke.init!.headers as Record<string, string>)['If-Match']).toBe('"0"');
  });
});
