import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
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
  it('lists windows not ended by default in the list view, and the chosen state from the URL', async () => {
    const calls = stubFetch({
      '/api/inventory/maintenance-windows': { count: 1, results: [{ id: 3, site_name: 'DC1', rack_id: 7, starts_at: '2026-12-03T06:00:00Z',
        ends_at: '2026-12-03T08:00:00Z', time_zone: 'Europe/Berlin', state: 'in_progress', description: 'PDU swap' }] },
      '/api/inventory/sites': { count: 0, results: [] },
    });
    renderApp(<MaintenanceWindows />, { url: '/maintenance?view=list' });
    expect(await screen.findByRole('cell', { name: 'In progress' })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'rack #7' })).toBeInTheDocument();
    expect(lastQuery(calls, '/api/inventory/maintenance-windows').state__n).toBe('ended');
    await userEvent.click(screen.getByRole('radio', { name: 'Ended' }));
    await waitFor(() => expect(lastQuery(calls, '/api/inventory/maintenance-windows')).toMatchObject({ state: 'ended' }));
    expect(lastQuery(calls, '/api/inventory/maintenance-windows').state__n).toBeUndefined();
  });

  it('draws a month as a calendar, each window on the days it touches, coloured and named by its state', async () => {
    const at = (d: number, h: number) => new Date(2026, 11, d, h).toISOString();
    const calls = stubFetch({
      '/api/inventory/maintenance-windows': { count: 3, results: [
        { id: 1, site_name: 'DC1', rack_id: 7, starts_at: at(1, 6), ends_at: at(1, 8), time_zone: 'Europe/Berlin', state: 'ended', description: 'PDU swap' },
        { id: 2, site_name: 'DC1', starts_at: at(3, 22), ends_at: at(4, 2), time_zone: 'Europe/Berlin', state: 'in_progress', description: 'Core switch' },
        { id: 3, site_name: 'DC2', asset_id: 9, starts_at: at(20, 9), ends_at: at(20, 10), time_zone: 'UTC', state: 'scheduled', description: 'Firmware' },
      ] },
      '/api/inventory/sites': { count: 0, results: [] },
    });
    renderApp(<MaintenanceWindows />, { url: '/maintenance?month=2026-12' });
    const month = await screen.findByRole('table', { name: /Maintenance windows, December 2026/ });
    expect(within(month).getAllByRole('row')).toHaveLength(6); // the weekday header and five weeks
    const day = (n: number) => within(month).getAllByRole('cell').find((c) => c.textContent?.startsWith(`${n} December`))!;
    expect(within(day(1)).getByText(/PDU swap/)).toHaveTextContent('Ended:');
    expect(within(day(3)).getByText(/Core switch/)).toHaveTextContent('In progress:');
    expect(within(day(4)).getByText(/Core switch/)).toHaveTextContent('→');
    expect(within(day(5)).queryByText(/Core switch/)).not.toBeInTheDocument();
    expect(within(day(20)).getByText(/Firmware/)).toHaveTextContent('Scheduled:');
    const query = lastQuery(calls, '/api/inventory/maintenance-windows');
    expect(query.ends_at__gte).toBe(new Date(2026, 10, 30).toISOString());
    expect(query.starts_at__lt).toBe(new Date(2027, 0, 4).toISOString());
    await userEvent.click(screen.getByRole('button', { name: 'Next month' }));
    expect(await screen.findByRole('table', { name: /January 2027/ })).toBeInTheDocument();
  });
});
