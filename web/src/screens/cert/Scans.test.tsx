import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import ScanTargets from './ScanTargets';
import ScanRunDetail from './ScanRunDetail';
import HostsApps from './HostsApps';
import IgnorePatterns from './IgnorePatterns';
import Flows from './Flows';
import { layoutFlows } from './flowLayout';
import type { Binding } from '../../api/cert';
import { LocationProbe, problem, renderApp, stubFetch } from '../../test/render';

const page = <T,>(results: T[]) => ({ count: results.length, results });
const TARGET = { id: 4, host: 'mail.example.com', port: 25, starttls: 'smtp', schedule_minutes: 60, enabled: true, version: 2 };
const json = (body: unknown, status = 200) => () => Response.json(body, { status });

describe('Scan targets', () => {
  it('creates a target with STARTTLS and a schedule, and shows field errors of a 400', async () => {
    const bodies: unknown[] = [];
    stubFetch({
      'GET /api/cert/scan-targets': page([]),
      'POST /api/cert/scan-targets': (init) => {
        bodies.push(JSON.parse(String(init?.body)));
        return bodies.length === 1
          ? problem(400, 'Bad Request', 'invalid input', [{ field: 'host', message: 'is refused: 169.254.169.254 is a metadata address' }])()
          : Response.json({ ...TARGET, id: 5 }, { status: 201 });
      },
    });
    renderApp(<ScanTargets />, { roles: ['editor'] });
    await userEvent.click(await screen.findByRole('button', { name: 'New target' }));
    const dialog = await screen.findByRole('dialog', { name: 'New scan target' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Host/ }), '169.254.169.254');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create target' }));
    expect(await within(dialog).findByText('is refused: 169.254.169.254 is a metadata address', { selector: 'p, div' })).toBeInTheDocument();
    const host = within(dialog).getByRole('textbox', { name: /^Host/ });
    await userEvent.clear(host);
    await userEvent.type(host, 'mail.example.com');
    const port = within(dialog).getByRole('textbox', { name: /^Port/ });
    await userEvent.clear(port);
    await userEvent.type(port, '25');
    await userEvent.click(within(dialog).getByRole('combobox', { name: 'STARTTLS' }));
    await userEvent.click(await screen.findByRole('option', { name: 'SMTP (EHLO, STARTTLS)', hidden: true }));
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Schedule/ }), '60');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create target' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(bodies[1]).toEqual({ host: 'mail.example.com', port: 25, starttls: 'smtp', schedule_minutes: 60, enabled: true });
  }, 20_000);

  it('scans the selected targets and opens the run', async () => {
    const runs: unknown[] = [];
    stubFetch({
      'GET /api/cert/scan-targets': page([TARGET, { ...TARGET, id: 6, host: 'www.example.com', port: 443, starttls: 'none', schedule_minutes: null }]),
      'POST /api/cert/scan-runs': (init) => {
        runs.push(JSON.parse(String(init?.body)));
        return Response.json({ id: 31, status: 'running', target_count: 1 }, { status: 202 });
      },
    });
    renderApp(<><ScanTargets /><LocationProbe /></>, { roles: ['editor'], url: '/certs/scan-targets' });
    expect(await screen.findByRole('cell', { name: 'every 60 min' })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'on demand' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Scan selected (0)' })).toBeDisabled();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select www.example.com:443' }));
    await userEvent.click(screen.getByRole('button', { name: 'Scan selected (1)' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/certs/scan-runs/31'));
    expect(runs).toEqual([{ target_ids: [6] }]);
  });

  it('gives a viewer neither selection nor edit controls', async () => {
    stubFetch({ 'GET /api/cert/scan-targets': page([TARGET]) });
    renderApp(<ScanTargets />, { roles: ['viewer'] });
    expect(await screen.findByRole('cell', { name: 'mail.example.com' })).toBeInTheDocument();
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Scan|New target|Edit/ })).not.toBeInTheDocument();
  });
});

describe('Scan run', () => {
  it('shows progress while running and every result with its error, and reads the run again as it progresses', async () => {
    let reads = 0;
    stubFetch({
      '/api/cert/scan-runs/31': () => {
        reads += 1;
        return Response.json(reads === 1
          ? { id: 31, status: 'running', target_count: 2, succeeded_count: 1, failed_count: 0, pending_count: 1, requested_by: 'dev-editor' }
          : { id: 31, status: 'completed', target_count: 2, succeeded_count: 1, failed_count: 1, pending_count: 0, requested_by: 'dev-editor' });
      },
      '/api/cert/certificates': page([{ id: 11, common_name: 'www.example.com' }]),
      '/api/cert/scans': page([
        { id: 1, scan_run_id: 31, host: 'www.example.com', port: 443, result: 'success', certificate_id: 11, tls_version: 'TLSv1.3', trusted: true, hostname_match: true },
        { id: 2, scan_run_id: 31, host: 'mail.example.com', port: 25, result: 'failure', error: 'connect timed out after 5 s' },
      ]),
    });
    renderApp(<Routes><Route path="/certs/scan-runs/:id" element={<ScanRunDetail />} /></Routes>, { url: '/certs/scan-runs/31' });
    expect(await screen.findByText('1 of 2 targets scanned: 1 succeeded, 0 failed, 1 pending')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Scan progress: 1 of 2 targets' })).toBeInTheDocument();
    const results = await screen.findByRole('table', { name: 'Scan results' });
    expect(within(results).getByRole('cell', { name: 'connect timed out after 5 s' })).toBeInTheDocument();
    expect(await within(results).findByRole('link', { name: 'www.example.com' })).toHaveAttribute('href', '/certs/certificates/11');
    // polled while running (the live event does the same sooner)
    expect(await screen.findByText('2 of 2 targets scanned: 1 succeeded, 1 failed, 0 pending', undefined, { timeout: 8000 })).toBeInTheDocument();
  }, 20_000);
});

describe('Hosts and applications', () => {
  it('creates a host with its addresses, one per line', async () => {
    const bodies: unknown[] = [];
    stubFetch({ 'GET /api/cert/hosts': page([]), 'POST /api/cert/hosts': (init) => { bodies.push(JSON.parse(String(init?.body))); return json({ id: 1 }, 201)(); } });
    renderApp(<HostsApps />, { roles: ['editor'] });
    await userEvent.click(await screen.findByRole('button', { name: 'New host' }));
    const dialog = await screen.findByRole('dialog', { name: 'New host' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'lb1');
    await userEvent.type(within(dialog).getByRole('textbox', { name: /IP addresses/ }), '192.0.2.1{Enter}2001:db8::1');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create host' }));
    await waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]).toEqual({ name: 'lb1', host_type: 'server', environment: 'production', ip_addresses: ['192.0.2.1', '2001:db8::1'] });
  });

  it('lists applications on their tab and edits one with the version seen', async () => {
    const puts: { body: unknown; ifMatch: string }[] = [];
    stubFetch({
      'GET /api/cert/applications': page([{ id: 3, name: 'Shop', app_type: 'web', owner: 'team-shop', version: 4 }]),
      'PUT /api/cert/applications/3': (init) => {
        puts.push({ body: JSON.parse(String(init?.body)), ifMatch: (init?.headers as Record<string, string>)['If-Match'] });
        return json({ id: 3 })();
      },
    });
    renderApp(<HostsApps />, { roles: ['editor'], url: '/certs/hosts?tab=applications' });
    expect(await screen.findByRole('cell', { name: 'team-shop' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Edit Shop' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit application' });
    const owner = within(dialog).getByRole('textbox', { name: 'Owner' });
    await userEvent.clear(owner);
    await userEvent.type(owner, 'team-web');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]).toEqual({ body: { name: 'Shop', app_type: 'web', owner: 'team-web' }, ifMatch: '"4"' });
  });
});

describe('Ignore patterns', () => {
  it('adds a domain pattern and deletes a certificate pattern', async () => {
    const calls = stubFetch({
      'GET /api/cert/ignored-domains': page([]),
      'GET /api/cert/ignored-certificates': page([{ id: 8, pattern: 'CN=Test*', match_type: 'glob', reason: 'lab', version: 1 }]),
      'POST /api/cert/ignored-domains': json({ id: 9 }, 201),
      'DELETE /api/cert/ignored-certificates/8': () => new Response(null, { status: 204 }),
    });
    renderApp(<IgnorePatterns />, { roles: ['editor'] });
    await userEvent.click(await screen.findByRole('button', { name: 'New domain pattern' }));
    const dialog = await screen.findByRole('dialog', { name: 'New domain pattern' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Pattern/ }), '*.lab.example.com');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add pattern' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await userEvent.click(screen.getByRole('button', { name: 'Delete CN=Test*' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Delete pattern' }));
    await waitFor(() => expect(calls.some((c) => c.init?.method === 'DELETE')).toBe(true));
    const post = calls.find((c) => c.init?.method === 'POST');
    expect(JSON.parse(String(post?.init?.body))).toEqual({ pattern: '*.lab.example.com', match_type: 'glob' });
    const remove = calls.find((c) => c.init?.method === 'DELETE');
    expect(remove?.url).toBe('/api/cert/ignored-certificates/8');
    expect((remove?.init?.headers as Record<string, string>)['If-Match']).toBe('"1"');
  });
});

const binding = (id: number, parent?: number, host = `h${id}`): Binding =>
  ({ id, certificate_id: 100 + id, certificate_common_name: `cert${id}`, host_name: host, port: 443, platform: parent ? 'web_server' : 'load_balancer', parent_binding_id: parent });

describe('Binding flows', () => {
  it('lays out each load balancer left of its backends, parents centred on their children, lone bindings left out', () => {
    const { nodes, rows } = layoutFlows([binding(1), binding(2, 1), binding(3, 1), binding(4, 3), binding(5)]);
    const at = Object.fromEntries(nodes.map((n) => [n.binding.id, n]));
    expect(at[5]).toBeUndefined();
    expect(at[1]).toMatchObject({ column: 0, row: 0.5 });
    expect(at[2]).toMatchObject({ column: 1, row: 0, parentId: 1 });
    expect(at[3]).toMatchObject({ column: 1, row: 1, parentId: 1 });
    expect(at[4]).toMatchObject({ column: 2, row: 1, parentId: 3 });
    expect(rows).toBe(2);
  });

  it('survives a loop of parent links', () => {
    expect(layoutFlows([binding(1, 2), binding(2, 1)]).nodes).toEqual([]);
  });

  it('draws the flows as links to the certificates, named by what they stand behind', async () => {
    stubFetch({ '/api/cert/bindings': page([binding(1, undefined, 'lb1'), binding(2, 1, 'web1')]) });
    renderApp(<Flows />);
    const backend = await screen.findByRole('link', { name: 'web1:443 · cert2 (web_server), behind lb1:443 · cert1 (load_balancer)' });
    expect(backend).toHaveAttribute('href', '/certs/certificates/102');
    expect(screen.getByRole('link', { name: 'lb1:443 · cert1 (load_balancer), entry point' })).toBeInTheDocument();
  });
});
