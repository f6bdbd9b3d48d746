import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { devToken, login, screenshotAndScan } from './support';

// Domain screens (issue 21): an editor uploads a certificate (made by openssl now) whose SANs create
// a domain and its subdomain, adds another subdomain and a host, and follows them on the list and
// the detail: registration (RDAP) and DNS state, subdomains, certificates with CAA, hosts. The name
// is registered nowhere and the local stack may have no way out, so the RDAP query ends in a clear
// "not found", "error" or "refused", and the DNS lookup in NXDOMAIN or an error: the screens show
// those states. RDAP and DNS answers themselves are tested in cert-service (RegistrationTest
// against an RDAP stub, DnsRecordsTest against Knot DNS).

const RUN = `${Date.now()}`;
const APEX = `infra-e2e-${RUN}.com`;

test.use({ viewport: { width: 1440, height: 1000 } });

/** Calls cert-service through the gateway with a dev user's token; returns the JSON answer. */
async function certApi<T>(baseURL: string, method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<T> {
  const token = await devToken('dev-editor');
  const response = await fetch(`${baseURL}/api/cert/${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': contentType, Accept: 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  expect(response.ok, `${method} ${path}: ${response.status} ${await response.clone().text()}`).toBe(true);
  return (await response.json()) as T;
}

test('an editor finds a domain with its subdomains, queries RDAP and DNS, and sees its certificates and hosts', async ({ page, baseURL }, testInfo) => {
  const key = testInfo.outputPath('domain-key.pem');
  const cert = testInfo.outputPath('domain-cert.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '90',
    '-subj', `/CN=www.${APEX}`, '-addext', `subjectAltName=DNS:www.${APEX},DNS:${APEX}`, '-keyout', key, '-out', cert,
  ], { stdio: 'pipe' });
  await certApi(baseURL!, 'POST', 'certificates/upload', readFileSync(cert, 'utf8'), 'text/plain');
  await certApi(baseURL!, 'POST', 'domains', { name: `api.${APEX}`, notes: 'public API' });
  await certApi(baseURL!, 'POST', 'hosts', { name: `www.${APEX}`, host_type: 'server', environment: 'production' });

  await login(page, 'dev-editor', '/certs/domains');
  await expect(page.getByRole('heading', { name: 'Domains' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Search' }).fill(APEX);
  await page.getByRole('textbox', { name: 'Search' }).press('Enter');
  const list = page.getByRole('table', { name: 'Domains' });
  await expect(list.getByRole('row')).toHaveCount(4); // header, the domain, its two subdomains
  await expect(list.getByRole('row').filter({ hasText: `www.${APEX}` })).toContainText('subdomain');
  await screenshotAndScan(page, testInfo, 'cert-domains');

  await list.getByRole('link', { name: APEX, exact: true }).click();
  await expect(page.getByRole('heading', { name: APEX, exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Registration' })).toContainText('not queried yet');

  // RDAP: no registry for .test in the bootstrap file, a clear result and nothing stored.
  await page.getByRole('button', { name: 'Query RDAP now' }).click();
  const registration = page.getByRole('table', { name: 'Registration' });
  // the registry is on the internet: an unreachable one takes up to the client's timeouts (15 s)
  await expect(registration).toContainText(/not found|error|refused/, { timeout: 45_000 });
  await expect(registration.getByRole('row', { name: /Registrar/ })).toContainText('—');
  // DNS: the name does not exist anywhere (or no resolver answers here): a result either way.
  await page.getByRole('button', { name: 'Look up DNS now' }).click();
  await expect(page.getByRole('region', { name: 'DNS records' })).toContainText(/nxdomain|error/, { timeout: 30_000 });

  // The subdomain tree links each subdomain; the host named in the domain is listed.
  const tree = page.getByRole('region', { name: 'Subdomains' });
  await expect(tree.getByRole('link', { name: `api.${APEX}` })).toBeVisible();
  await expect(tree.getByRole('link', { name: `www.${APEX}` })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Hosts of the domain' })).toContainText('named in the domain');
  const caa = page.getByRole('table', { name: 'Certificates and CAA' });
  await expect(caa.getByRole('link', { name: `www.${APEX}` })).toBeVisible();
  await expect(caa).toContainText(/no CAA: any CA/);
  await screenshotAndScan(page, testInfo, 'cert-domain-detail');

  // A subdomain: registration belongs to the registrable domain, so there is no RDAP button.
  await tree.getByRole('link', { name: `www.${APEX}` }).click();
  await expect(page.getByRole('heading', { name: `www.${APEX}` })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Registration' })).toContainText('A subdomain');
  await expect(page.getByRole('button', { name: 'Query RDAP now' })).toHaveCount(0);
  await screenshotAndScan(page, testInfo, 'cert-subdomain-detail');
});
