import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import Certificates from './Certificates';
import CertDashboard from './CertDashboard';
import CertificateDetail from './CertificateDetail';
import Upload from './Upload';
import { lastQuery, problem, renderApp, stubFetch } from '../../test/render';

const DAY = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

const LEAF = {
  id: 11, common_name: 'www.example.com', subject_dn: 'CN=www.example.com,O=Example', issuer_dn: 'CN=Example CA,O=Example',
  sans: [{ type: 'dns', value: 'www.example.com' }, { type: 'dns', value: 'example.com' }, { type: 'ip', value: '192.0.2.7' }],
  not_before: inDays(-300), not_after: inDays(12.5), status: 'expiring', source: 'scan', issuer_id: 12, self_signed: false,
  key_algorithm: 'ec', key_curve: 'secp256r1', signature_algorithm: 'SHA256WITHECDSA', serial_number: '0a1b',
  sha256_thumbprint: 'ab'.repeat(32), sha1_thumbprint: 'cd'.repeat(20), spki_sha256: 'ef'.repeat(32), tags: [], version: 3,
};
const CA = { ...LEAF, id: 12, common_name: 'Example CA', subject_dn: 'CN=Example CA,O=Example', issuer_dn: 'CN=Example CA,O=Example', sans: [], self_signed: true, is_ca: true, issuer_id: undefined, status: 'valid' };
const page = <T,>(results: T[]) => ({ count: results.length, results });

describe('Certificates list', () => {
  it('sends the URL filters as the API filters (ending days as instants) and links each row to its detail', async () => {
    const calls = stubFetch({ '/api/cert/certificates': page([LEAF]) });
    renderApp(<Certificates />, { url: '/certs/certificates?status=expiring&san=www.example.com&host=lb1&issuer__ic=example&expires_before=2027-01-01' });
    expect(await screen.findByRole('link', { name: 'www.example.com' })).toHaveAttribute('href', '/certs/certificates/11');
    expect(screen.getByRole('cell', { name: 'Example CA' })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'in 12 days' })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'www.example.com, example.com, 192.0.2.7' })).toBeInTheDocument();
    expect(lastQuery(calls, '/api/cert/certificates')).toEqual({
      status: 'expiring', san: 'www.example.com', host: 'lb1', issuer__ic: 'example',
      expires_before: new Date(2027, 0, 1).toISOString(), limit: '50', offset: '0',
    });
  });

  it('exports the CSV of the same filters, without paging', async () => {
    const calls = stubFetch({
      '/api/cert/certificates': page([LEAF]),
      '/api/cert/certificates/export.csv': () => new Response('id,common_name\n11,www.example.com\n', { status: 200, headers: { 'Content-Type': 'text/csv' } }),
    });
    URL.createObjectURL = () => 'blob:x';
    URL.revokeObjectURL = () => undefined;
    renderApp(<Certificates />, { url: '/certs/certificates?status=expired' });
    await userEvent.click(await screen.findByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(calls.some((c) => c.url.startsWith('/api/cert/certificates/export.csv'))).toBe(true));
    expect(lastQuery(calls, '/api/cert/certificates/export.csv')).toEqual({ status: 'expired', ordering: 'not_after' });
  });
});

describe('Certificates overview', () => {
  it('shows expiring and expired counts, a bar per month of the next 12 and recent scan failures', async () => {
    const calls = stubFetch({
      '/api/cert/certificates': (_init, url) => {
        const query = new URL(url ?? '', 'http://x').searchParams;
        if (query.get('status') === 'expiring' && query.get('limit') === '1') return Response.json({ count: 4, results: [] });
        if (query.get('status') === 'expired') return Response.json({ count: 2, results: [] });
        if (query.get('status') === 'expiring') return Response.json(page([LEAF]));
        return Response.json(page([]));
      },
      // the timeline: 3 in the first month, none later
      '/api/cert/certificates/expiry-months': (_init, url) => {
        const query = new URL(url ?? '', 'http://x').searchParams;
        const [year, month] = (query.get('from') ?? '').split('-').map(Number);
        return Response.json(Array.from({ length: Number(query.get('months')) }, (_, i) => ({
          month: `${year}-${i}`,
          start: new Date(year, month - 1 + i, 1).toISOString(),
          end: new Date(year, month + i, 1).toISOString(),
          count: i === 0 ? 3 : 0,
        })));
      },
      '/api/cert/scans': page([{ id: 5, scan_run_id: 9, host: 'mail.example.com', port: 25, result: 'failure', error: 'handshake timed out', scanned_at: inDays(0) }]),
    });
    renderApp(<CertDashboard />, { url: '/certs' });
    expect(await screen.findByRole('link', { name: '4 expiring' })).toHaveAttribute('href', '/certs/certificates?status=expiring');
    expect(await screen.findByRole('link', { name: '2 expired' })).toBeInTheDocument();
    const chart = await screen.findByRole('group', { name: /Certificates ending per month/ });
    const bars = within(chart).getAllByRole('link');
    expect(bars).toHaveLength(12);
    expect(bars[0]).toHaveAccessibleName(/: 3 certificates$/);
    expect(bars[1]).toHaveAccessibleName(/: 0 certificates$/);
    const timeline = calls.filter((c) => c.url.startsWith('/api/cert/certificates/expiry-months'));
    expect(timeline).toHaveLength(1);
    const now = new Date();
    expect(lastQuery(calls, '/api/cert/certificates/expiry-months')).toEqual({
      from: `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`, months: '12',
      zone: Intl.DateTimeFormat().resolvedOptions().timeZone, status__n: 'replaced',
    });
    expect(bars[0]).toHaveAttribute('href', expect.stringMatching(/^\/certs\/certificates\?expires_after=\d{4}-\d{2}-01&expires_before=\d{4}-\d{2}-01$/));
    expect(within(screen.getByRole('table', { name: 'Expiring soon' })).getByRole('link', { name: 'www.example.com' })).toBeInTheDocument();
    const failures = screen.getByRole('table', { name: 'Recent scan failures' });
    expect(within(failures).getByRole('link', { name: 'mail.example.com:25' })).toHaveAttribute('href', '/certs/scan-runs/9');
    expect(within(failures).getByText('handshake timed out')).toBeInTheDocument();
    expect(lastQuery(calls, '/api/cert/scans')).toEqual({ result: 'failure', limit: '10' });
  });
});

const detailAnswers = (extra: Record<string, unknown> = {}) => ({
  'GET /api/cert/certificates/11': LEAF,
  'GET /api/cert/certificates/12': CA,
  'GET /api/cert/certificates': page([]),
  '/api/cert/bindings': page([{ id: 3, certificate_id: 11, host_name: 'web1', ip_address: '192.0.2.7', port: 443, platform: 'web_server', parent_binding_id: 2 }]),
  '/api/cert/domains': page([{ id: 1, name: 'example.com' }]),
  '/api/cert/scans': page([{ id: 8, scan_run_id: 4, host: 'web1', port: 443, result: 'success', tls_version: 'TLSv1.3', trusted: false, trust_error: 'unknown issuer', hostname_match: true }]),
  'GET /api/cert/tracking': page([{ id: 6, certificate_id: 11, change_number: 'CHG-1', status: 'planned', planned_date: '2027-01-10', version: 1 }]),
  ...extra,
});

const detail = (roles: ('viewer' | 'editor')[]) =>
  renderApp(<Routes><Route path="/certs/certificates/:id" element={<CertificateDetail />} /></Routes>, { roles, url: '/certs/certificates/11' });

describe('Certificate detail', () => {
  it('shows SANs by type, the chain up to its stored root, bindings, domains, scans and tracking; a viewer cannot add', async () => {
    const calls = stubFetch(detailAnswers());
    detail(['viewer']);
    expect(await screen.findByRole('heading', { name: 'Certificate www.example.com' })).toBeInTheDocument();
    expect(screen.getByText('DNS names')).toBeInTheDocument();
    expect(screen.getByText('IP addresses')).toBeInTheDocument();
    expect(screen.getByText('192.0.2.7', { selector: 'li' })).toBeInTheDocument();
    const chain = await screen.findByRole('list', { name: /Chain/ });
    expect(within(chain).getByRole('link', { name: 'Example CA' })).toHaveAttribute('href', '/certs/certificates/12');
    expect(within(chain).getByText(/\(root\)/)).toBeInTheDocument();
    expect(screen.getByRole('row', { name: /SHA-256 thumbprint/ })).toHaveTextContent('ab'.repeat(32));
    expect(screen.getByRole('row', { name: /Key/ })).toHaveTextContent('EC secp256r1');
    expect(await screen.findByRole('cell', { name: 'web1' })).toBeInTheDocument();
    expect(screen.getByText('example.com', { selector: 'p' })).toBeInTheDocument();
    expect(await screen.findByRole('cell', { name: 'no: unknown issuer' })).toBeInTheDocument();
    expect(await screen.findByRole('cell', { name: 'CHG-1' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add tracking entry' })).not.toBeInTheDocument();
    expect(lastQuery(calls, '/api/cert/bindings')).toMatchObject({ certificate_id: '11' });
    expect(lastQuery(calls, '/api/cert/tracking')).toMatchObject({ certificate_id: '11' });
  });

  it('lets an editor add a tracking entry and edit one with the version seen', async () => {
    const bodies: { method?: string; body: unknown; ifMatch?: string }[] = [];
    const record = (init?: RequestInit) => {
      bodies.push({ method: init?.method, body: JSON.parse(String(init?.body)), ifMatch: (init?.headers as Record<string, string>)['If-Match'] });
      return Response.json({ id: 7 }, { status: 201 });
    };
    stubFetch(detailAnswers({ 'POST /api/cert/tracking': record, 'PUT /api/cert/tracking/6': record }));
    detail(['editor']);
    await userEvent.click(await screen.findByRole('button', { name: 'Add tracking entry' }));
    let dialog = await screen.findByRole('dialog', { name: 'New tracking entry' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Change number' }), 'CHG-2');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Notes' }), 'renew before the freeze');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add entry' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await userEvent.click(screen.getByRole('button', { name: 'Edit tracking entry CHG-1' }));
    dialog = await screen.findByRole('dialog', { name: 'Edit tracking entry' });
    await userEvent.click(within(dialog).getByRole('combobox', { name: 'Status' }));
    await userEvent.click(await screen.findByRole('option', { name: 'completed', hidden: true }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(bodies).toHaveLength(2));
    expect(bodies[0]).toEqual({ method: 'POST', body: { certificate_id: 11, status: 'planned', change_number: 'CHG-2', notes: 'renew before the freeze' }, ifMatch: undefined });
    expect(bodies[1]).toEqual({ method: 'PUT', body: { certificate_id: 11, status: 'completed', change_number: 'CHG-1', planned_date: '2027-01-10' }, ifMatch: '"1"' });
  }, 20_000);
});

describe('Upload', () => {
  it('sends a pasted chain as text and shows what became of each certificate', async () => {
    const sent: { type?: string; body: unknown }[] = [];
    stubFetch({
      'POST /api/cert/certificates/upload': (init) => {
        sent.push({ type: (init?.headers as Record<string, string>)['Content-Type'], body: init?.body });
        return Response.json({
          created: 1, existing: 1, ignored: 0, certificates: [
            { id: 11, sha256_thumbprint: 'ab'.repeat(32), common_name: 'www.example.com', outcome: 'created', domains: ['example.com'] },
            { id: 12, sha256_thumbprint: 'cd'.repeat(32), common_name: 'Example CA', outcome: 'existing', domains: [] },
          ],
        }, { status: 201 });
      },
    });
    renderApp(<Upload />, { roles: ['editor'] });
    const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
    await userEvent.click(screen.getByRole('textbox', { name: /Or paste PEM/ }));
    await userEvent.paste(pem);
    await userEvent.click(screen.getByRole('button', { name: 'Upload' }));
    expect(await screen.findByRole('status')).toHaveTextContent('1 added, 1 already known, 0 ignored.');
    const table = screen.getByRole('table', { name: 'Uploaded certificates' });
    expect(within(table).getByRole('link', { name: 'www.example.com' })).toHaveAttribute('href', '/certs/certificates/11');
    expect(within(table).getByRole('cell', { name: 'already known' })).toBeInTheDocument();
    expect(within(table).getByRole('cell', { name: 'example.com' })).toBeInTheDocument();
    expect(sent).toEqual([{ type: 'text/plain', body: pem }]);
  });

  it("shows a refused upload's 400 problem", async () => {
    stubFetch({ 'POST /api/cert/certificates/upload': problem(400, 'Bad Request', 'invalid input', [{ field: 'file', message: 'holds a private key, not a certificate' }]) });
    renderApp(<Upload />, { roles: ['editor'] });
    await userEvent.type(screen.getByRole('textbox', { name: /Or paste PEM/ }), 'garbage');
    await userEvent.click(screen.getByRole('button', { name: 'Upload' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Bad Request (400)');
    expect(alert).toHaveTextContent('file: holds a private key, not a certificate');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
