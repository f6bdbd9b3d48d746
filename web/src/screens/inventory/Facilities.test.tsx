import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import StorageArrays from './StorageArrays';
import MaintenanceWindows from './MaintenanceWindows';
import { lastQuery, renderApp, stubFetch } from '../../test/render';

describe('StorageArrays', () => {
  it('draws each array as used of total capacity', async () => {
    stubFetch({
      '/api/inventory/storage-arrays': { count: 1, results: [{ id: 1, name: 'SAN-1', site_name: 'DC1', total_tb: 100, used_tb: 92.5, status: 'active' }] },
      '/api/inventory/sites': { count: 0, results: [] },
    });
    renderApp(<StorageArrays />);
    const bar = await screen.findByRole('progressbar', { name: 'Capacity used of SAN-1' });
    expect(bar).toHaveAttribute('aria-valuenow', '92.5');
    expect(screen.getByText('92.5 of 100.0 TB (93 %)')).toBeInTheDocument();
  });
});

describe('MaintenanceWindows', () => {
  it('shows windows not ended by default, and the chosen state from the URL', async () => {
    const calls = stubFetch({
      '/api/inventory/maintenance-windows': { count: 1, results: [{ id: 3, site_name: 'DC1', rack_id: 7, starts_at: '2026-12-03T06:00:00Z',
        ends_at: '2026-12-03T08:00:00Z', time_zone: 'Europe/Berlin', state: 'in_progress', description: 'PDU swap' }] },
      '/api/inventory/sites': { count: 0, results: [] },
    });
    renderApp(<MaintenanceWindows />, { url: '/maintenance' });
    expect(await screen.findByRole('cell', { name: 'In progress' })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'rack #7' })).toBeInTheDocument();
    expect(lastQuery(calls, '/api/inventory/maintenance-windows').state__n).toBe('ended');
    await userEvent.click(screen.getByRole('radio', { name: 'Ended' }));
    await waitFor(() => expect(lastQuery(calls, '/api/inventory/maintenance-windows')).toMatchObject({ state: 'ended' }));
    expect(lastQuery(calls, '/api/inventory/maintenance-windows').state__n).toBeUndefined();
  });
});
