import { expect, test } from '@playwright/test';
import { devToken, login, screenshotAndScan } from './support';

const SOURCE = `web-e2e-${Date.now()}`;
const VM_NAME = `${SOURCE}-vm1`;

test.beforeAll(async ({ baseURL }) => {
  // A sync posts two VMs of a source of this run (our normalized format), as a sync workflow would.
  const token = await devToken('dev-editor');
  const vm = (n: number, power: string) => ({
    vm_uuid: `${SOURCE}-uuid-${n}`, name: `${SOURCE}-vm${n}`, power_state: power, cluster: 'e2e-cluster',
    os_type: 'Debian 12', os_family: 'linux', vcpus: 2, memory_mb: 4096,
    nics: [{ id: `nic-${n}`, mac_address: `02:00:00:00:00:0${n}`, network_name: 'e2e-net', connected: true, ips: [`10.99.0.${n}`] }],
    disks: [{ id: `disk-${n}`, label: 'root', size_gb: 40, datastore: 'e2e-ds', type: 'disk' }],
  });
  const response = await fetch(`${baseURL}/api/vm/sync/other?source=${SOURCE}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ format: 'infra-vm/v1', platform: 'other', vms: [vm(1, 'on'), vm(2, 'off')] }),
  });
  expect(response.status, await response.text()).toBe(200);
});

test('a viewer logs in and sees the dashboard and the VMs a sync posted', async ({ page }, testInfo) => {
  await login(page, 'dev-viewer');
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await expect(page.getByRole('cell', { name: SOURCE })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Authentication failures' })).toHaveCount(0);
  await screenshotAndScan(page, testInfo, 'dashboard');

  await page.getByRole('link', { name: 'Virtual machines' }).click();
  await page.getByRole('textbox', { name: 'Search' }).fill(SOURCE);
  await page.getByRole('textbox', { name: 'Search' }).press('Enter');
  await expect(page).toHaveURL(new RegExp(`q=${SOURCE}`));
  await expect(page.getByRole('link', { name: VM_NAME })).toBeVisible();
  await expect(page.getByText('2 virtual machines')).toBeVisible();
  await screenshotAndScan(page, testInfo, 'vm-list');

  await page.getByRole('link', { name: VM_NAME }).click();
  await expect(page.getByRole('heading', { name: VM_NAME })).toBeVisible();
  await expect(page.getByRole('cell', { name: '10.99.0.1' })).toBeVisible();
  await screenshotAndScan(page, testInfo, 'vm-detail');
});

test('a viewer gets the "not allowed" page on an admin URL', async ({ page }, testInfo) => {
  await login(page, 'dev-viewer', '/admin/auth-failures');
  await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
  await screenshotAndScan(page, testInfo, 'not-allowed');
});

test('an admin creates an API key and sees its secret once', async ({ page }, testInfo) => {
  await login(page, 'dev-admin', '/api-keys');
  await expect(page.getByRole('heading', { name: 'API keys' })).toBeVisible();
  const name = `e2e-${Date.now()}`;
  await page.getByRole('textbox', { name: /Name/ }).fill(name);
  await page.getByRole('checkbox', { name: 'vm:read' }).check();
  await page.getByRole('button', { name: 'Create key' }).click();
  const secret = page.getByTestId('api-key-secret');
  await expect(secret).toHaveText(/^isk_/);
  await screenshotAndScan(page, testInfo, 'api-key-secret');
  const value = (await secret.textContent())!;
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('cell', { name, exact: true })).toBeVisible();
  await expect(page.getByText(value)).toHaveCount(0);
  await screenshotAndScan(page, testInfo, 'api-keys');

  await page.getByRole('link', { name: 'Authentication failures' }).click();
  await expect(page.getByRole('heading', { name: 'Authentication failures' })).toBeVisible();
  await screenshotAndScan(page, testInfo, 'auth-failures');
});
