import { describe, expect, it, vi } from 'vitest';
import { api, ApiError, configureTransport, withQuery } from './client';

describe('api client', () => {
  it('sends the access token and parses JSON', async () => {
    const fetch = vi.fn(async () => new Response('{"ok":true}', { status: 200 }));
    configureTransport({ fetch, token: () => 'abc' });
    await expect(api('GET', '/api/vm/stats')).resolves.toEqual({ ok: true });
    const init = (fetch.mock.calls[0] as unknown[])[1] as RequestInit;
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer abc');
  });

  it('starts a new login on 401', async () => {
    const onUnauthorized = vi.fn();
    configureTransport({ fetch: async () => new Response('', { status: 401 }), onUnauthorized });
    await expect(api('GET', '/api/vm/vms')).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it('turns a problem document into an ApiError', async () => {
    configureTransport({
      fetch: async () => new Response('{"title":"Forbidden","detail":"needs admin","status":403}', { status: 403 }),
    });
    const error = await api('GET', '/api/gateway/auth-failures').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 403, title: 'Forbidden', detail: 'needs admin' });
  });

  it('keeps the field errors of a problem document', async () => {
    configureTransport({
      fetch: async () =>
        new Response('{"title":"Bad Request","status":400,"errors":[{"field":"email","message":"must not be blank"}]}', { status: 400 }),
    });
    const error = await api('POST', '/api/vm/owners', {}).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, errors: [{ field: 'email', message: 'must not be blank' }] });
  });

  it('leaves empty query values out', () => {
    expect(withQuery('/api/vm/vms', { q: '', platform: 'vmware', limit: 50, x: undefined })).toBe(
      '/api/vm/vms?platform=vmware&limit=50',
    );
  });
});
