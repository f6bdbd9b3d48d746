import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import tls from 'node:tls';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { devToken, login, screenshotAndScan } from './support';

// Certificate screens (issue 20): an editor uploads a chain (a real certificate pair, see
// e2e/fixtures/certs/SOURCES.md), sees it in the list and its detail; creates a host and a scan
// target for a TLS server this test starts on loopback (the local stack's cert-service allows
// 127.0.0.0/8: deploy/local/infra.env), scans it, follows the run to its result, sees the
// certificate among the expiring ones on the overview, and draws a load balancer → backend flow.

const RUN = `${Date.now()}`;
const CHAIN = fileURLToPath(new URL('./fixtures/certs/cpython_chain_idnsans_leaf_pycacert_root.pem', import.meta.url));
const SERVER_NAME = `e2e-${RUN}.example.com`;

test.use({ viewport: { width: 1440, height: 1000 } });

let server: tls.Server;
let port: number;

// A TLS server with a key and a self-signed certificate made now, valid 3 days: "expiring".
test.beforeAll(async ({}, testInfo) => {
  const key = testInfo.outputPath('endpoint-key.pem');
  const cert = testInfo.outputPath('endpoint-cert.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '3',
    '-subj', `/CN=${SERVER_NAME}`, '-addext', `subjectAltName=DNS:${SERVER_NAME}`, '-keyout', key, '-out', cert,
  ], { stdio: 'pipe' });
  server = tls.createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (socket) => socket.end());
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

test.afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

/** Calls cert-service through the gateway with a dev user's token; returns the JSON answer. */
async function certApi<T>(baseURL: string, method: string, path: string, body?: unknown): Promise<T> {
  const token = await devToken('dev-editor');
  const response = await fetch(`${baseURL}/api/cert/${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.ok, `${method} ${path}: ${response.status} ${await response.clone().text()}`).toBe(true);
  return (await response.json()) as T;
}

test('an editor uploads a chain, scans a local TLS endpoint and follows the run, sees the certificate expiring on the overview, and draws a flow', async ({ page, baseURL }, testInfo) => {
  await login(page, 'dev-editor', '/certs/upload');
  await expect(page.getByRole('heading', { name: 'Upload certificates' })).toBeVisible();

  // A bad upload: the API's 400 is shown and nothing is kept.
  await page.getByRole('textbox', { name: /Or paste PEM/ }).fill('-----BEGIN CERTIFICATE-----\nnot base64\n');
  await page.getByRole('button', { name: 'Upload' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '(400)' })).toContainText('file');
  await page.getByRole('textbox', { name: /Or paste PEM/ }).fill('');

  // The chain from a file: leaf and root listed with what happened to each (added, or known from an earlier run).
  await page.locator('input[type="file"]').setInputFiles(CHAIN);
  await page.getByRole('button', { name: 'Upload' }).click();
  const uploaded = page.getByRole('table', { name: 'Uploaded certificates' });
  await expect(uploaded.getByRole('row')).toHaveCount(3);
  await expect(uploaded.getByRole('link', { name: 'idnsans' })).toBeVisible();
  await expect(uploaded.getByRole('link', { name: 'our-ca-server' })).toBeVisible();
  await screenshotAndScan(page, testInfo, 'cert-upload');

  // The list (searched) and the leaf's detail: SANs by type, its issuer in the chain.
  await page.getByRole('navigation', { name: 'Certificate screens' }).getByRole('link', { name: 'Certificates' }).click();
  await page.getByRole('textbox', { name: 'SAN' }).fill('xn--knig-5qa.idn.pythontest.net');
  await page.getByRole('textbox', { name: 'SAN' }).press('Enter');
  await expect(page.getByRole('table', { name: 'Certificates' }).getByRole('row')).toHaveCount(2);
  await screenshotAndScan(page, testInfo, 'cert-list');
  await page.getByRole('link', { name: 'idnsans' }).click();
  await expect(page.getByRole('heading', { name: 'Certificate idnsans' })).toBeVisible();
  await expect(page.getByText('DNS names')).toBeVisible();
  await expect(page.getByRole('list', { name: /Chain/ }).getByRole('link', { name: /our-ca-server/ })).toBeVisible();
  const backendCertId = Number(new URL(page.url()).pathname.split('/').at(-1));
  await screenshotAndScan(page, testInfo, 'cert-detail');

  // A load balancer host, through the hosts screen.
  const lbName = `e2e-lb-${RUN}`;
  await page.getByRole('navigation', { name: 'Certificate screens' }).getByRole('link', { name: 'Hosts and applications' }).click();
  await page.getByRole('button', { name: 'New host' }).click();
  const hostForm = page.getByRole('dialog', { name: 'New host' });
  await hostForm.getByRole('textbox', { name: /^Name/ }).fill(lbName);
  await hostForm.getByRole('combobox', { name: /^Type/ }).click();
  await page.getByRole('option', { name: 'load_balancer' }).click();
  await hostForm.getByRole('textbox', { name: /IP addresses/ }).fill('10.99.0.1');
  await screenshotAndScan(page, testInfo, 'cert-host-form');
  await hostForm.getByRole('button', { name: 'Create host' }).click();
  await expect(hostForm).toHaveCount(0);

  // A scan target for the local TLS server, then a run of just that target.
  await page.getByRole('navigation', { name: 'Certificate screens' }).getByRole('link', { name: 'Scan targets' }).click();
  await page.getByRole('button', { name: 'New target' }).click();
  const targetForm = page.getByRole('dialog', { name: 'New scan target' });
  await targetForm.getByRole('textbox', { name: /^Host/ }).fill('127.0.0.1');
  await targetForm.getByRole('textbox', { name: /^Port/ }).fill(String(port));
  await targetForm.getByRole('textbox', { name: /^SNI/ }).fill(SERVER_NAME);
  await screenshotAndScan(page, testInfo, 'cert-target-form');
  await targetForm.getByRole('button', { name: 'Create target' }).click();
  await expect(targetForm).toHaveCount(0);
  await page.getByRole('textbox', { name: 'Search' }).fill(SERVER_NAME);
  await page.getByRole('textbox', { name: 'Search' }).press('Enter');
  await page.getByRole('checkbox', { name: `Select 127.0.0.1:${port}` }).check();
  await screenshotAndScan(page, testInfo, 'cert-scan-targets');
  await page.getByRole('button', { name: 'Scan selected (1)' }).click();

  await expect(page.getByRole('heading', { name: /^Scan run \d+$/ })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'targets scanned' })).toHaveText(
    '1 of 1 targets scanned: 1 succeeded, 0 failed, 0 pending', { timeout: 30_000 });
  const result = page.getByRole('table', { name: 'Scan results' }).getByRole('row').nth(1);
  await expect(result).toContainText('success');
  await expect(result).toContainText(`127.0.0.1:${port}`);
  await screenshotAndScan(page, testInfo, 'cert-scan-run');
  await result.getByRole('link').click(); // the certificate found
  await expect(page.getByRole('heading', { name: `Certificate ${SERVER_NAME}` })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Bindings' })).toContainText(String(port));
  await expect(page.getByRole('table', { name: 'Scan history' })).toContainText(`127.0.0.1:${port}`);
  const scannedId = Number(new URL(page.url()).pathname.split('/').at(-1));

  // The overview: the new certificate is among the expiring ones.
  await page.getByRole('navigation', { name: 'Certificate screens' }).getByRole('link', { name: 'Overview' }).click();
  await expect(page.getByRole('table', { name: 'Expiring soon' }).getByRole('link', { name: SERVER_NAME })).toBeVisible();
  await expect(page.getByRole('group', { name: /Certificates ending per month/ })).toBeVisible();
  await screenshotAndScan(page, testInfo, 'cert-overview');

  // A flow: the scanned certificate on the load balancer, the uploaded one on a backend behind it (added on its detail screen).
  const hosts = await certApi<{ results: { id: number }[] }>(baseURL!, 'GET', `hosts?name=${lbName}`);
  await certApi(baseURL!, 'POST', 'bindings', { certificate_id: scannedId, host_id: hosts.results[0].id, port: 443, platform: 'load_balancer' });
  const backendName = `e2e-backend-${RUN}`;
  await certApi(baseURL!, 'POST', 'hosts', { name: backendName, host_type: 'server', environment: 'production' });
  await page.goto(`/certs/certificates/${backendCertId}`);
  await page.getByRole('button', { name: 'Add binding' }).click();
  const bindingForm = page.getByRole('dialog', { name: 'New binding' });
  // a binding names where the certificate is served: the backend host
  await bindingForm.getByRole('combobox', { name: /^Host/ }).fill(backendName);
  await page.getByRole('option', { name: new RegExp(`^${backendName}`) }).click();
  await bindingForm.getByRole('combobox', { name: /Behind/ }).fill(lbName);
  await page.getByRole('option', { name: new RegExp(`^${lbName}:443`) }).click();
  await bindingForm.getByRole('button', { name: 'Add binding' }).click();
  await expect(bindingForm).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Certificate screens' }).getByRole('link', { name: 'Binding flows' }).click();
  await expect(page.getByRole('link', { name: new RegExp(`idnsans .*behind ${lbName}:443`) }).first()).toBeVisible();
  await screenshotAndScan(page, testInfo, 'cert-flows');

  await page.getByRole('navigation', { name: 'Certificate screens' }).getByRole('link', { name: 'Ignore patterns' }).click();
  await expect(page.getByRole('heading', { name: 'Ignore patterns' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveCount(0, { timeout: 15_000 });
  await screenshotAndScan(page, testInfo, 'cert-ignore-patterns');
});
