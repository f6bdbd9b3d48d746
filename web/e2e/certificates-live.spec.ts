import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { devToken, login, screenshotAndScan } from './support';

// Live certificate screens (issue 20): a viewer keeps the certificate list and the overview open in
// two pages; an editor (another user, through the API) adds a certificate; both pages show it
// without a reload — cert-service's cert.certificate.created reaches the browsers through
// realtime-service, and the app refreshes its ['cert'] queries on every cert.* event.

const RUN = `${Date.now()}`;
const NAME = `live-${RUN}.example.com`;

test.use({ viewport: { width: 1440, height: 1000 } });

/** A new self-signed certificate for NAME (valid 2 days: "expiring"), made with openssl now, as PEM. */
function newCertificate(key: string, cert: string): string {
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '2',
    '-subj', `/CN=${NAME}`, '-addext', `subjectAltName=DNS:${NAME}`, '-keyout', key, '-out', cert,
  ], { stdio: 'pipe' });
  return readFileSync(cert, 'utf8');
}

test("a viewer's certificate list and overview show a certificate another user adds, without a reload", async ({ browser, baseURL }, testInfo) => {
  const viewer = await browser.newContext();
  const list = await viewer.newPage();
  await login(list, 'dev-viewer', `/certs/certificates?san=${NAME}`);
  await expect(list.getByText('No certificate matches these filters.')).toBeVisible();

  const overview = await viewer.newPage();
  // its own tab: the app signs in again through Keycloak's session cookie, without the form
  await overview.goto('/certs');
  await expect(overview.getByRole('button', { name: /User menu/ })).toBeVisible({ timeout: 15_000 });
  const expiringCount = overview.getByRole('link', { name: /^\d+ expiring$/ });
  await expect(expiringCount).toBeVisible({ timeout: 15_000 });
  const before = Number((await expiringCount.getAttribute('aria-label'))!.split(' ')[0]);

  // Another user, not in this browser: an editor uploads a certificate through the gateway.
  const token = await devToken('dev-editor');
  const response = await fetch(`${baseURL}/api/cert/certificates/upload`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/plain', Accept: 'application/json' },
    body: newCertificate(testInfo.outputPath('live-key.pem'), testInfo.outputPath('live-cert.pem')),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  const id = ((await response.json()) as { certificates: { id: number }[] }).certificates[0].id;

  // No reload: the list shows it, and the overview counts it among the expiring ones.
  await expect(list.getByRole('table', { name: 'Certificates' }).getByRole('link', { name: NAME })).toBeVisible({ timeout: 15_000 });
  await expect(list.getByText(`Certificate ${id} created`).first()).toBeVisible();
  await screenshotAndScan(list, testInfo, 'cert-list-live');
  await expect(overview.getByRole('link', { name: `${before + 1} expiring` })).toBeVisible({ timeout: 15_000 });
  await screenshotAndScan(overview, testInfo, 'cert-overview-live');
  await viewer.close();
});
