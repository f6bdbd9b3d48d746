import { expect, test, type Page } from '@playwright/test';
import { devToken, login, screenshotAndScan } from './support';

// Clients, projects and Odoo instances (issue 19): an admin sets up a client, a project with its
// production instance and a member through the screens; the member (dev-viewer, a STANDARD user)
// sees only that project, and their browser receives that project's live events and not another's.

const RUN = `${Date.now()}`;

// Two logins, five dialogs and two live round trips on a busy 2-core machine.
test.setTimeout(180_000);

/** Sends JSON to project-service with a dev user's token and returns the answer's body. */
async function call<T = { id: number }>(baseURL: string, method: string, path: string, body: unknown, expected: number): Promise<T> {
  const token = await devToken('dev-admin');
  const response = await fetch(`${baseURL}/api/project/${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      Accept: 'application/json',
      'Content-Type': method === 'PATCH' ? 'application/merge-patch+json' : 'application/json',
    },
    body: JSON.stringify(body),
  });
  expect(response.status, `${method} ${path}: ${await response.clone().text()}`).toBe(expected);
  return (await response.json()) as T;
}

/** The `project.*` events a page's WebSocket receives ("type subject" of each), collected from now on. */
function projectEvents(page: Page): string[] {
  const seen: string[] = [];
  page.on('websocket', (socket) => {
    socket.on('framereceived', ({ payload }) => {
      try {
        const message = JSON.parse(String(payload)) as { kind?: string; type?: string; subject?: string };
        if (message.kind === 'event' && message.type?.startsWith('project.')) seen.push(`${message.type} ${message.subject}`);
      } catch {
        // not JSON: nothing of ours
      }
    });
  });
  return seen;
}

/** Picks an option of a Mantine select, typing part of it first when the select is searchable. */
async function choose(page: Page, field: ReturnType<Page['getByRole']>, typed: string, option: string | RegExp) {
  await field.click();
  if (typed) await field.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

test('an admin sets up a client, a project with its production instance and a member, who alone sees it and its live events', async ({ page, browser, baseURL }, testInfo) => {
  const clientName = `E2E Client ${RUN}`;
  const projectName = `E2E ERP ${RUN}`;
  const prodName = `erp-prod-${RUN}`;
  const adminEvents = projectEvents(page);

  // Client, through the clients screen.
  await login(page, 'dev-admin', '/admin/clients');
  await page.getByRole('button', { name: 'New client' }).click();
  const clientForm = page.getByRole('dialog', { name: 'New client' });
  await clientForm.getByRole('textbox', { name: /^Name/ }).fill(clientName);
  await clientForm.getByRole('textbox', { name: 'Contact e-mail' }).fill(`ops-${RUN}@client.example`);
  await clientForm.getByRole('button', { name: 'Create client' }).click();
  await expect(clientForm).toBeHidden();
  await page.getByRole('textbox', { name: 'Search' }).fill(RUN);
  await page.getByRole('textbox', { name: 'Search' }).press('Enter');
  await expect(page.getByRole('cell', { name: clientName, exact: true })).toBeVisible();
  await screenshotAndScan(page, testInfo, 'clients');

  // Project, through the projects screen; creating it opens its page.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Projects' }).click();
  await page.getByRole('button', { name: 'New project' }).click();
  const projectForm = page.getByRole('dialog', { name: 'New project' });
  await choose(page, projectForm.getByRole('combobox', { name: /^Client/ }), clientName, clientName);
  await projectForm.getByRole('textbox', { name: /^Name/ }).fill(projectName);
  await projectForm.getByRole('textbox', { name: /^Code/ }).fill(`E2E-${RUN}`);
  await projectForm.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('heading', { name: projectName })).toBeVisible();
  const projectId = Number(new URL(page.url()).pathname.split('/').at(-1));

  // Its production instance.
  await page.getByRole('button', { name: 'New instance' }).click();
  let instanceForm = page.getByRole('dialog', { name: 'New instance' });
  await instanceForm.getByRole('textbox', { name: /^Name/ }).fill(prodName);
  await choose(page, instanceForm.getByRole('combobox', { name: /^Type/ }), '', 'Production');
  await instanceForm.getByRole('textbox', { name: 'URL' }).fill(`https://erp-${RUN}.example.test`);
  await instanceForm.getByRole('textbox', { name: 'Odoo version' }).fill('17.0');
  await instanceForm.getByRole('button', { name: 'Create instance' }).click();
  await expect(instanceForm).toBeHidden();
  const instances = page.getByRole('table', { name: 'Instances' });
  await expect(instances.getByRole('row', { name: new RegExp(`${prodName} Production Active`) })).toBeVisible();

  // dev-viewer as its member, picked from Keycloak's users.
  await choose(page, page.getByRole('combobox', { name: 'User' }), 'dev-viewer', /^dev-viewer/);
  await page.getByRole('button', { name: 'Add member' }).click();
  await expect(page.getByRole('table', { name: 'Members' }).getByRole('cell', { name: 'dev-viewer', exact: true })).toBeVisible();

  // A second active production instance is refused, naming and linking the first.
  await page.getByRole('button', { name: 'New instance' }).click();
  instanceForm = page.getByRole('dialog', { name: 'New instance' });
  await instanceForm.getByRole('textbox', { name: /^Name/ }).fill(`erp-prod-2-${RUN}`);
  await choose(page, instanceForm.getByRole('combobox', { name: /^Type/ }), '', 'Production');
  await instanceForm.getByRole('button', { name: 'Create instance' }).click();
  const refusal = instanceForm.getByRole('alert');
  await expect(refusal).toContainText('already has an active production instance');
  const existing = refusal.getByRole('link', { name: prodName });
  await expect(existing).toHaveAttribute('href', new RegExp(`^/projects/${projectId}\\?instance=\\d+$`));
  await screenshotAndScan(page, testInfo, 'instance-409');
  await existing.click();
  await expect(instanceForm).toBeHidden();
  await expect(instances.getByRole('row', { name: new RegExp(prodName) })).toHaveAttribute('aria-current', 'true');
  await screenshotAndScan(page, testInfo, 'project-detail-admin');

  // Another project of the client, nobody assigned (through the API).
  const other = await call<{ id: number; version: number }>(baseURL!, 'POST', 'projects', { client_id: (await call<{ client_id: number }>(baseURL!, 'GET', `projects/${projectId}`, undefined, 200)).client_id, name: `E2E Other ${RUN}` }, 201);

  // The member sees this run's assigned project only.
  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  const viewerEvents = projectEvents(viewer);
  await login(viewer, 'dev-viewer', `/projects?q=${RUN}`);
  await expect(viewer.getByRole('heading', { name: 'My projects' })).toBeVisible();
  await expect(viewer.getByRole('link', { name: projectName })).toBeVisible();
  await expect(viewer.getByRole('link', { name: `E2E Other ${RUN}` })).toHaveCount(0);
  await expect(viewer.getByText('1 projects')).toBeVisible();
  await expect(viewer.getByRole('button', { name: 'New project' })).toHaveCount(0);
  await screenshotAndScan(viewer, testInfo, 'my-projects-member');

  // Live: a change of the other project reaches the admin's browser (so realtime has handled it)
  // but not the member's; then a change of the member's project renames it in their list, no reload.
  await call(baseURL!, 'PATCH', `projects/${other.id}`, { description: `changed ${RUN}` }, 200);
  await expect.poll(() => adminEvents, { timeout: 15_000 }).toContain(`project.project.updated ${other.id}`);
  await call(baseURL!, 'PATCH', `projects/${projectId}`, { name: `${projectName} renamed` }, 200);
  await expect.poll(() => viewerEvents, { timeout: 15_000 }).toContain(`project.project.updated ${projectId}`);
  await expect(viewer.getByRole('link', { name: `${projectName} renamed` })).toBeVisible({ timeout: 15_000 });
  expect(viewerEvents).not.toContain(`project.project.updated ${other.id}`);
  await screenshotAndScan(viewer, testInfo, 'my-projects-live');

  // The member opens the project read-only; the other project is "not found" for them.
  await viewer.getByRole('link', { name: `${projectName} renamed` }).click();
  await expect(viewer.getByRole('table', { name: 'Instances' }).getByRole('row', { name: new RegExp(prodName) })).toBeVisible();
  await expect(viewer.getByRole('button', { name: 'New instance' })).toHaveCount(0);
  await expect(viewer.getByRole('heading', { name: 'Members' })).toHaveCount(0);
  await screenshotAndScan(viewer, testInfo, 'project-detail-member');
  await viewer.goto(`/projects/${other.id}`);
  await expect(viewer.getByRole('alert')).toContainText('Not found');
  await viewerContext.close();
});
