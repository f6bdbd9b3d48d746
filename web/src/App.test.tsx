import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { App } from './App';
import { renderApp, stubFetch } from './test/render';

const STATS = {
  total_vms: 0, deleted_vms: 0, platforms: {}, power_states: {}, os_families: {},
  networks: { total: 0, in_use: 0, not_in_use: 0 }, changes_last24h: {}, changes_last7d: {}, last_runs: [],
};

describe('App', () => {
  it('shows a viewer no admin navigation', async () => {
    stubFetch({ '/api/vm/stats': STATS });
    renderApp(<App />, { roles: ['viewer'] });
    expect(await screen.findByRole('link', { name: 'Virtual machines' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Authentication failures' })).not.toBeInTheDocument();
  });

  it('shows an admin the admin navigation', async () => {
    stubFetch({ '/api/vm/stats': STATS });
    renderApp(<App />, { roles: ['admin'] });
    expect(await screen.findByRole('link', { name: 'Authentication failures' })).toBeInTheDocument();
  });

  it('gives a viewer the "not allowed" page on an admin URL', async () => {
    const calls = stubFetch({});
    renderApp(<App />, { roles: ['viewer'], url: '/admin/auth-failures' });
    expect(await screen.findByRole('heading', { name: 'Not allowed' })).toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });

  it('shows "not allowed" when the API answers 403', async () => {
    stubFetch({ '/api/vm/stats': () => new Response('{"title":"Forbidden","status":403}', { status: 403 }) });
    renderApp(<App />, { roles: ['viewer'] });
    expect(await screen.findByRole('heading', { name: 'Not allowed' })).toBeInTheDocument();
  });
});
