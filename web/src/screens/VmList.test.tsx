import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import VmList from './VmList';
import { renderApp, stubFetch } from '../test/render';

const VM = {
  id: 12, platform: 'vmware', source: 'vc1', vm_uuid: 'u-12', vm_name: 'web-01', power_state: 'on',
  cluster_name: 'c1', os_type: 'Ubuntu', total_vcpus: 2, memory_mb: 4096, ip_addresses: ['10.0.0.5'],
  tags: [], overridden: [], is_deleted: false, first_seen_at: '2026-01-01T10:00:00Z',
  last_seen_at: '2026-01-01T10:00:00Z', version: 1,
};

describe('VmList', () => {
  it('sends the filters, ordering and page of the URL to the API', async () => {
    const calls = stubFetch({ '/api/vm/vms': { count: 120, next: null, previous: null, results: [VM] } });
    renderApp(<VmList />, { url: '/vms?platform=vmware&ordering=-memory_mb&page=2' });
    expect(await screen.findByRole('link', { name: 'web-01' })).toHaveAttribute('href', '/vms/12');
    const url = new URL(calls[0].url, 'http://x');
    expect(url.pathname).toBe('/api/vm/vms');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      platform: 'vmware', ordering: '-memory_mb', limit: '50', offset: '50',
    });
    expect(screen.getByText('120 virtual machines')).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: /Memory/ })).toHaveAttribute('aria-sort', 'descending');
  });

  it('sorts on a header click', async () => {
    const calls = stubFetch({ '/api/vm/vms': { count: 1, next: null, previous: null, results: [VM] } });
    renderApp(<VmList />, { url: '/vms' });
    await userEvent.click(await screen.findByRole('button', { name: /Platform/ }));
    await screen.findByRole('columnheader', { name: /Platform ▲/ });
    expect(calls.at(-1)!.url).toContain('ordering=platform');
  });

  it('says when nothing matches', async () => {
    stubFetch({ '/api/vm/vms': { count: 0, next: null, previous: null, results: [] } });
    renderApp(<VmList />, { url: '/vms?q=nothing' });
    expect(await screen.findByText('No virtual machine matches these filters.')).toBeInTheDocument();
  });

  it('passes any API filter of the URL through, e.g. a tag and a range', async () => {
    const calls = stubFetch({ '/api/vm/vms': { count: 1, next: null, previous: null, results: [VM] } });
    renderApp(<VmList />, { url: '/vms?tag=db&memory_mb__gte=2048&owner=a%40b.c' });
    await screen.findByRole('link', { name: 'web-01' });
    const query = Object.fromEntries(new URL(calls[0].url, 'http://x').searchParams);
    expect(query).toMatchObject({ tag: 'db', memory_mb__gte: '2048', owner: 'a@b.c' });
  });

  it('exports the filtered list as CSV with the token', async () => {
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    const calls = stubFetch({
      '/api/vm/vms': { count: 1, next: null, previous: null, results: [VM] },
      '/api/vm/vms/export.csv': () => new Response('id\n12\n', { status: 200, headers: { 'Content-Type': 'text/csv' } }),
    });
    renderApp(<VmList />, { url: '/vms?platform=vmware&tag=db' });
    await userEvent.click(await screen.findByRole('button', { name: 'Export CSV' }));
    await vi.waitFor(() => expect(URL.createObjectURL).toHaveBeenCalled());
    const call = calls.find((c) => c.url.startsWith('/api/vm/vms/export.csv'))!;
    expect(Object.fromEntries(new URL(call.url, 'http://x').searchParams)).toEqual({
      platform: 'vmware', tag: 'db', ordering: 'name',
    });
    expect((call.init!.headers as Record<string, string>).Authorization).toBe('Bearer test-token');
  });

  it('shows the problem of a refused export', async () => {
    stubFetch({
      '/api/vm/vms': { count: 1, next: null, previous: null, results: [VM] },
      '/api/vm/vms/export.csv': () => new Response(JSON.stringify({ title: 'Bad Request', detail: 'tag: unknown lookup' }), { status: 400 }),
    });
    renderApp(<VmList />, { url: '/vms' });
    await userEvent.click(await screen.findByRole('button', { name: 'Export CSV' }));
    expect(await screen.findByText('Bad Request: tag: unknown lookup')).toBeInTheDocument();
  });
});
