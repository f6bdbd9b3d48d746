import { expect, test } from '@playwright/test';
import { login, screenshotAndScan } from './support';

// Each screen of the owners, platform, sync, audit and mail part: log in with the role it needs,
// open it from the navigation, screenshot it into the test output (copied to docs/screenshots by
// hand) and scan it with axe-core.

test('a viewer sees owners, hosts, networks, sync runs and the mail log', async ({ page }, testInfo) => {
  await login(page, 'dev-viewer');
  for (const [link, heading, shot] of [
    ['Owners', 'Owners', 'owners'],
    ['Hosts', 'Hosts', 'hosts'],
    ['Networks', 'Networks', 'networks'],
    ['Sync', 'Sync', 'sync'],
    ['Mail log', 'Mail log', 'mail-log'],
  ]) {
    await page.getByRole('navigation').getByRole('link', { name: link, exact: true }).click();
    await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
    await expect(page.getByRole('status')).toHaveCount(0, { timeout: 15_000 });
    await screenshotAndScan(page, testInfo, shot);
  }
  await expect(page.getByRole('button', { name: 'Sync all' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'System APIs' })).toHaveCount(0);
});

test('an editor creates an owner and sees the sync triggers', async ({ page }, testInfo) => {
  await login(page, 'dev-editor', '/owners');
  await page.getByRole('button', { name: 'New owner' }).click();
  const name = `E2E Owner ${Date.now()}`;
  await page.getByRole('textbox', { name: /Full name/ }).fill(name);
  await page.getByRole('textbox', { name: /E-mail/ }).fill(`e2e-${Date.now()}@example.org`);
  await screenshotAndScan(page, testInfo, 'owner-form');
  await page.getByRole('button', { name: 'Create owner' }).click();
  await page.getByRole('textbox', { name: 'Search' }).fill(name);
  await page.getByRole('textbox', { name: 'Search' }).press('Enter');
  await expect(page.getByRole('cell', { name, exact: true })).toBeVisible();

  await page.getByRole('link', { name: 'Sync', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Sync all' })).toBeVisible();
  await screenshotAndScan(page, testInfo, 'sync-editor');
});

test('an admin sees system APIs and the audit log of each service', async ({ page }, testInfo) => {
  await login(page, 'dev-admin', '/admin/system-apis');
  await expect(page.getByRole('heading', { name: 'System APIs' })).toBeVisible();
  await screenshotAndScan(page, testInfo, 'system-apis');
  await page.getByRole('button', { name: 'New system API' }).click();
  await expect(page.getByLabel(/^Secret/)).toHaveValue('');
  await screenshotAndScan(page, testInfo, 'system-api-form');
  await page.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/audit/);
  await screenshotAndScan(page, testInfo, 'audit-log');
});
