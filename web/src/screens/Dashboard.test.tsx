import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import Dashboard from './Dashboard';
import { renderApp, stubFetch } from '../test/render';

describe('Dashboard', () => {
  it('shows VMs by platform and power state and the last sync per source', async () => {
    stubFetch({
      '/api/vm/stats': {
        total_vms: 3, deleted_vms: 0, platforms: { nutanix: 1, vmware: 2 }, power_states: { on: 2, off: 1 },
        os_families: { linux: 3 }, networks: { total: 4, in_use: 3, not_in_use: 1 },
        changes_last24h: {}, changes_last7d: {},
        last_runs: [{
          platform: 'vmware', source: 'vc1', run_id: 7, status: 'succeeded', started_at: '2026-01-01T10:00:00Z',
          finished_at: '2026-01-01T10:01:00Z', vm_count_seen: 2, created_count: 2, updated_count: 0, deleted_count: 0,
        }],
      },
    });
    renderApp(<Dashboard />);
    expect(await screen.findByTestId('total-vms')).toHaveTextContent('3');
    expect(screen.getByRole('link', { name: 'vmware' })).toHaveAttribute('href', '/vms?platform=vmware');
    expect(screen.getByRole('link', { name: 'off' })).toHaveAttribute('href', '/vms?power_state=off');
    const runs = screen.getByRole('cell', { name: 'vc1' }).closest('tr')!;
    expect(within(runs).getByText('succeeded')).toBeInTheDocument();
  });

  it('says when no sync has run', async () => {
    stubFetch({
      '/api/vm/stats': {
        total_vms: 0, deleted_vms: 0, platforms: {}, power_states: {}, os_families: {},
        networks: { total: 0, in_use: 0, not_in_use: 0 }, changes_last24h: {}, changes_last7d: {}, last_runs: [],
      },
    });
    renderApp(<Dashboard />);
    expect(await screen.findByText('No sync has run yet.')).toBeInTheDocument();
  });

  it('shows an error when the API fails', async () => {
    stubFetch({ '/api/vm/stats': () => new Response('{"title":"Bad Gateway","status":502}', { status: 502 }) });
    renderApp(<Dashboard />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Bad Gateway');
  });
});
