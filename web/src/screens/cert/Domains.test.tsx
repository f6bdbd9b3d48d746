import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import Domains from './Domains';
import DomainDetail from './DomainDetail';
import { lastQuery, renderApp, stubFetch } from '../../test/render';

const DAY = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();
const page = <T,>(results: T[]) => ({ count: results.length, results });

const APEX = {
  id: 5, name: 'example.com', parent_id: null, parent_name: null, registrable: true, certificate_ids: [11, 12], notes: null, version: 0,
  registration: {
    registrar: 'Example Registrar, Inc.', registrar_iana_id: '9999', registered_at: '2019-03-04T16:03:17Z', expires_at: inDays(20.5),
    last_changed_at: '2025-02-10T08:11:41Z', status: ['client transfer prohibited'], nameservers: ['ns1.example.net'],
    rdap_url: 'https://rdap.example/domain/example.com', result: 'rate_limited', error: 'the registry\'s rate limit was hit (HTTP 429)',
    checked_at: inDays(-0.1), succeeded_at: inDays(-1), retry_at: inDays(0.05),
  },
  dns: { result: 'ok', error: null, checked_at: inDays(-0.2) },
};
const WWW = { ...APEX, id: 6, name: 'www.example.com', parent_id: 5, parent_name: 'example.com', registrable: false, registration: null, certificate_ids: [11] };

describe('Domains list', () => {
  it('sends the URL filters as the API filters and shows registration and DNS state', async () => {
    const calls = stubFetch({ '/api/cert/domains': page([APEX, WWW]) });
    renderApp(<Domains />, { url: '/certs/domains?registrable=yes&rdap_result=rate_limited&expires_at_to=2027-01-01' });
    expect(await screen.findByRole('link', { name: 'example.com' })).toHaveAttribute('href', '/certs/domains/5');
    expect(screen.getAllByRole('cell', { name: 'Example Registrar, Inc.' })).toHaveLength(1);
    expect(screen.getByRole('cell', { name: /in 20 days/ })).toBeInTheDocument();
    expect(screen.getByText('rate limited')).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'subdomain' })).toBeInTheDocument();
    expect(lastQuery(calls, '/api/cert/domains')).toEqual({
      rdap_result: 'rate_limited', parent_id__empty: 'true', expires_at__lt: new Date(2027, 0, 2).toISOString(), limit: '50', offset: '0',
    });
  });
});

describe('Domain detail', () => {
  it('shows registration with the failed query beside the kept data, records, history, CAA mismatch, subdomains and hosts', async () => {
    const calls = stubFetch({
      '/api/cert/domains/5': APEX,
      '/api/cert/domains/5/caa': {
        domain_id: 5, domain: 'example.com', dns_checked_at: inDays(-0.2), caa_domain: 'example.com',
        records: [{ flags: 0, tag: 'issue', value: 'letsencrypt.org', issuer: 'letsencrypt.org' }], issue: ['letsencrypt.org'], issuewild: [],
        certificates: [
          { certificate_id: 11, common_name: 'example.com', issuer_dn: 'CN=R3,O=Let\'s Encrypt', status: 'valid', not_after: inDays(60), wildcard: false, issuer_caa: ['letsencrypt.org'], verdict: 'allowed', mismatch: false },
          { certificate_id: 12, common_name: '*.example.com', issuer_dn: 'CN=DigiCert TLS CA', status: 'valid', not_after: inDays(200), wildcard: true, issuer_caa: ['digicert.com'], verdict: 'not_allowed', mismatch: true },
        ],
        mismatch: true,
      },
      '/api/cert/domains/5/subdomains': { id: 5, name: 'example.com', certificate_count: 2, dns_result: 'ok', children: [{ id: 6, name: 'www.example.com', certificate_count: 1, dns_result: 'ok', children: [] }] },
      '/api/cert/domains/5/hosts': [{ host: { id: 3, name: 'www.example.com', host_type: 'server', environment: 'production', ip_addresses: [{ ip_address: '192.0.2.7' }], version: 0 }, via: ['name', 'certificate'] }],
      '/api/cert/dns-records': page([{ id: 1, domain_id: 5, domain: 'example.com', record_type: 'CAA', value: '0 issue "letsencrypt.org"', ttl: 300, first_seen_at: inDays(-3), last_seen_at: inDays(-0.2) }]),
      '/api/cert/dns-record-changes': page([{ id: 2, domain_id: 5, domain: 'example.com', record_type: 'A', value: '192.0.2.10', ttl: 300, action: 'removed', changed_at: inDays(-0.2) }]),
      '/api/cert/domains/5/refresh-dns': { ...APEX, dns: { result: 'nxdomain', error: null, checked_at: inDays(0) } },
    });
    renderApp(<Routes><Route path="/certs/domains/:id" element={<DomainDetail />} /></Routes>, { roles: ['editor'], url: '/certs/domains/5' });
    expect(await screen.findByRole('heading', { name: 'example.com' })).toBeInTheDocument();
    const registration = screen.getByRole('table', { name: 'Registration' });
    expect(within(registration).getByText('Example Registrar, Inc.')).toBeInTheDocument();
    expect(within(registration).getByText(/HTTP 429/)).toBeInTheDocument();
    expect(within(registration).getByText(/The data shown are from/)).toBeInTheDocument();
    expect(await screen.findByText('0 issue "letsencrypt.org"')).toBeInTheDocument();
    expect(within(await screen.findByRole('table', { name: 'DNS record history' })).getByText('removed')).toBeInTheDocument();
    const caa = await screen.findByRole('table', { name: 'Certificates and CAA' });
    expect(within(caa).getByText('Mismatch: not allowed by CAA')).toBeInTheDocument();
    expect(within(caa).getByText('allowed by CAA')).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'www.example.com' })).toHaveAttribute('href', '/certs/domains/6');
    expect(within(await screen.findByRole('table', { name: 'Hosts of the domain' })).getByText('named in the domain; serves its certificate')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Look up DNS now' }));
    expect(calls.some((c) => c.url === '/api/cert/domains/5/refresh-dns' && c.init?.method === 'POST')).toBe(true);
  });
});
