import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { Route, Routes } from 'react-router';
import Projects from './Projects';
import ProjectDetail from './ProjectDetail';
import { invalidate } from '../../live/LiveUpdates';
import { LocationProbe, lastQuery, problem, renderApp, stubFetch } from '../../test/render';

const PROJECT = {
  id: 7, client_id: 3, client_name: 'Acme', name: 'ERP', code: 'ACME-ERP', status: 'active',
  start_date: '2026-01-05', version: 2, updated_at: '2026-02-01T10:00:00Z',
};
const CLIENT = { id: 3, name: 'Acme', contact_name: 'Wile E.', contact_email: 'wile@acme.test', version: 1 };
const PROD = {
  id: 12, project_id: 7, name: 'erp-prod', type: 'production', status: 'active', url: 'https://erp.acme.test',
  odoo_version: '17.0', odoo_edition: 'enterprise', version: 4,
};
const STAGING = { id: 13, project_id: 7, name: 'erp-staging', type: 'staging', status: 'active', odoo_version: '17.0', version: 1 };
const page = (...results: object[]) => ({ count: results.length, results });
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
/** Opens a Mantine select and picks an option (inside a modal its list counts as hidden to the accessibility tree in jsdom). */
async function pick(select: HTMLElement, option: string) {
  await userEvent.click(select);
  await waitFor(() => expect(select).toHaveAttribute('aria-controls'));
  const listbox = document.getElementById(select.getAttribute('aria-controls') ?? '')!;
  await userEvent.click(await within(listbox).findByRole('option', { name: option, hidden: true }));
}
const headers = (init?: RequestInit) => (init?.headers ?? {}) as Record<string, string>;

function detail(roles: ('viewer' | 'admin')[], answers: Record<string, object | ((init?: RequestInit) => Response)> = {}, url = '/projects/7') {
  const calls = stubFetch({
    '/api/project/projects/7': PROJECT,
    '/api/project/clients/3': CLIENT,
    '/api/project/instances': page(PROD, STAGING),
    '/api/project/instances/12/health': page({ id: 1, instance_id: 12, status: 'up', server_version: '17.0+e', checked_at: '2026-02-01T10:00:00Z' }),
    '/api/project/instances/13/health': page(),
    '/api/project/assignments': page({ id: 30, project_id: 7, username: 'dev-viewer', assigned_by: 'dev-admin', assigned_at: '2026-02-01T10:00:00Z', version: 1 }),
    ...answers,
  });
  renderApp(<><Routes><Route path="/projects/:id" element={<ProjectDetail />} /></Routes><LocationProbe /></>, { roles, url });
  return calls;
}

// Forms of many Mantine fields typed into in jsdom take seconds on a busy 2-core machine.
describe('My projects', { timeout: 20_000 }, () => {
  it('shows a non-admin the projects the API gives them, read-only, with the filters and page of the URL', async () => {
    const calls = stubFetch({ '/api/project/projects': { ...page(PROJECT), count: 51 }, '/api/project/clients': page(CLIENT) });
    renderApp(<Projects />, { roles: ['viewer'], url: '/projects?q=erp&status=active&ordering=-code&page=2' });
    expect(await screen.findByRole('link', { name: 'ERP' })).toHaveAttribute('href', '/projects/7');
    expect(screen.getByRole('heading', { name: 'My projects' })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'Acme' })).toBeInTheDocument();
    expect(lastQuery(calls, '/api/project/projects')).toEqual({ q: 'erp', status: 'active', ordering: '-code', limit: '50', offset: '50' });
    expect(screen.getByText('51 projects')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'New project' })).not.toBeInTheDocument();
  });

  it('says when no assigned project matches', async () => {
    stubFetch({ '/api/project/projects': page(), '/api/project/clients': page() });
    renderApp(<Projects />, { roles: ['viewer'], url: '/projects' });
    expect(await screen.findByText('No project assigned to you matches these filters.')).toBeInTheDocument();
  });

  it('lets an admin create a project for a client and opens it', async () => {
    let sent: unknown;
    stubFetch({
      'GET /api/project/projects': page(),
      '/api/project/clients': page(CLIENT),
      'POST /api/project/projects': (init) => {
        sent = JSON.parse(String(init?.body));
        return json({ ...PROJECT, id: 9 }, 201);
      },
    });
    renderApp(<><Projects /><LocationProbe /></>, { roles: ['admin'], url: '/projects' });
    expect(await screen.findByRole('heading', { name: 'Projects' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'New project' }));
    const dialog = await screen.findByRole('dialog', { name: 'New project' });
    await screen.findAllByRole('option', { name: 'Acme', hidden: true });
    await pick(within(dialog).getByRole('combobox', { name: /Client/ }), 'Acme');
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'Shop');
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Code/ }), 'ACME-SHOP');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create project' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/projects/9'));
    expect(sent).toEqual({ client_id: 3, name: 'Shop', code: 'ACME-SHOP', status: 'active' });
  });

  it('is refreshed by every project.* live event', () => {
    const client = new QueryClient();
    const spy = vi.spyOn(client, 'invalidateQueries');
    invalidate(client, { kind: 'event', id: '1', type: 'project.instance.updated', subject: '12', cursor: 'c' });
    expect(spy).toHaveBeenCalledWith({ queryKey: ['project'] });
  });
});

describe('Project detail', { timeout: 20_000 }, () => {
  it('shows a member the project, its client and instances with type, status, URL, Odoo and health, without admin controls', async () => {
    detail(['viewer']);
    expect(await screen.findByRole('heading', { name: 'ERP' })).toBeInTheDocument();
    const details = screen.getByRole('table', { name: 'Project details' });
    expect(details).toHaveTextContent('Acme');
    await waitFor(() => expect(details).toHaveTextContent('wile@acme.test'));
    const instances = await screen.findByRole('table', { name: 'Instances' });
    const prod = within(instances).getByRole('row', { name: /erp-prod/ });
    expect(prod).toHaveTextContent('Production');
    expect(prod).toHaveTextContent('Active');
    expect(prod).toHaveTextContent('17.0 enterprise');
    expect(within(prod).getByRole('link', { name: 'https://erp.acme.test' })).toHaveAttribute('href', 'https://erp.acme.test');
    expect(await within(prod).findByText('17.0+e')).toBeInTheDocument();
    expect(await within(instances).findByText('not probed')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Edit|Delete|New instance/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Members' })).not.toBeInTheDocument();
  });

  it('says "not found" for a project the user is not assigned to (the API answers 404)', async () => {
    stubFetch({ '/api/project/instances': page() });
    renderApp(<Routes><Route path="/projects/:id" element={<ProjectDetail />} /></Routes>, { roles: ['viewer'], url: '/projects/8' });
    expect(await screen.findByRole('alert')).toHaveTextContent('Not Found');
  });

  it('refuses a second active production instance and links the existing one, which the page then highlights', async () => {
    let sent: unknown;
    detail(['admin'], {
      'POST /api/project/instances': (init) => {
        sent = JSON.parse(String(init?.body));
        return problem(409, 'Conflict', 'project ERP already has an active production instance: erp-prod (id 12)',
          [{ field: 'type', message: 'instance 12 (erp-prod) is the active production instance' }])();
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'New instance' }));
    const dialog = await screen.findByRole('dialog', { name: 'New instance' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'erp-prod-2');
    await pick(within(dialog).getByRole('combobox', { name: /^Type/ }), 'Production');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create instance' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('already has an active production instance');
    expect(sent).toMatchObject({ project_id: 7, name: 'erp-prod-2', type: 'production', status: 'active' });
    const link = within(alert).getByRole('link', { name: 'erp-prod' });
    expect(link).toHaveAttribute('href', '/projects/7?instance=12');
    await userEvent.click(link);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByTestId('location')).toHaveTextContent('/projects/7?instance=12');
    expect(screen.getByRole('row', { name: /erp-prod Production/ })).toHaveAttribute('aria-current', 'true');
  });

  it('asks for the name before deactivating the active production instance and sends it as X-Confirm-Instance', async () => {
    let put: { body?: unknown; headers?: Record<string, string> } = {};
    detail(['admin'], {
      'PUT /api/project/instances/12': (init) => {
        put = { body: JSON.parse(String(init?.body)), headers: headers(init) };
        return json({ ...PROD, status: 'inactive', version: 5 });
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Edit erp-prod' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit instance' });
    await pick(within(dialog).getByRole('combobox', { name: /^Status/ }), 'Inactive');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(put).toEqual({});
    const confirm = within(dialog).getByRole('button', { name: 'Confirm and save' });
    expect(confirm).toBeDisabled();
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Instance name to confirm' }), 'erp-pro');
    expect(confirm).toBeDisabled();
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Instance name to confirm' }), 'd');
    await userEvent.click(confirm);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(put.headers?.['X-Confirm-Instance']).toBe('erp-prod');
    expect(put.headers?.['If-Match']).toBe('"4"');
    expect(put.body).toMatchObject({ name: 'erp-prod', type: 'production', status: 'inactive', url: 'https://erp.acme.test' });
  });

  it('saves a change that keeps the production instance active without asking', async () => {
    let sentHeaders: Record<string, string> = {};
    detail(['admin'], {
      'PUT /api/project/instances/12': (init) => {
        sentHeaders = headers(init);
        return json(PROD);
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Edit erp-prod' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit instance' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Notes' }), 'moved to new host');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(sentHeaders['X-Confirm-Instance']).toBeUndefined();
  });

  it('deletes the active production instance only after its name is typed, sent as X-Confirm-Instance', async () => {
    let sentHeaders: Record<string, string> = {};
    detail(['admin'], {
      'DELETE /api/project/instances/12': (init) => {
        sentHeaders = headers(init);
        return new Response(null, { status: 204 });
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Delete erp-prod' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete instance' });
    const remove = within(dialog).getByRole('button', { name: 'Delete instance' });
    expect(remove).toBeDisabled();
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Instance name to confirm' }), 'erp-prod');
    await userEvent.click(remove);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(sentHeaders).toMatchObject({ 'X-Confirm-Instance': 'erp-prod', 'If-Match': '"4"' });
  });

  it('deletes a staging instance with a plain confirmation and no confirmation header', async () => {
    let sentHeaders: Record<string, string> = {};
    detail(['admin'], {
      'DELETE /api/project/instances/13': (init) => {
        sentHeaders = headers(init);
        return new Response(null, { status: 204 });
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Delete erp-staging' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete instance' });
    expect(within(dialog).queryByRole('textbox')).not.toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete instance' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(sentHeaders['X-Confirm-Instance']).toBeUndefined();
  });

  it('shows a 428 of the server (the instance became production meanwhile) as the name question', async () => {
    let attempts: Record<string, string>[] = [];
    detail(['admin'], {
      'PUT /api/project/instances/13': (init) => {
        attempts = [...attempts, headers(init)];
        return attempts.length === 1
          ? problem(428, 'Confirmation required', 'erp-staging is the active production instance: send X-Confirm-Instance')()
          : json(STAGING);
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Edit erp-staging' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit instance' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await userEvent.type(await within(dialog).findByRole('textbox', { name: 'Instance name to confirm' }), 'erp-staging');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Confirm and save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(attempts.map((h) => h['X-Confirm-Instance'])).toEqual([undefined, 'erp-staging']);
  });
});

describe('Project members', { timeout: 20_000 }, () => {
  it('lists the members and assigns a user picked from Keycloak', async () => {
    let sent: unknown;
    const calls = detail(['admin'], {
      '/api/gateway/users': page(
        { id: 'kc-1', username: 'dev-viewer', first_name: 'Dev', last_name: 'Viewer', enabled: true },
        { id: 'kc-2', username: 'dev-editor', first_name: 'Dev', last_name: 'Editor', enabled: true },
      ),
      'POST /api/project/assignments': (init) => {
        sent = JSON.parse(String(init?.body));
        return json({ id: 31, project_id: 7, username: 'dev-editor', version: 1 }, 201);
      },
    });
    const members = await screen.findByRole('table', { name: 'Members' });
    expect(within(members).getByRole('row', { name: /dev-viewer dev-admin/ })).toBeInTheDocument();
    const select = screen.getByRole('combobox', { name: 'User' });
    await userEvent.type(select, 'dev');
    await vi.waitFor(() => expect(lastQuery(calls, '/api/gateway/users')).toMatchObject({ q: 'dev', limit: '20' }));
    await screen.findByRole('option', { name: 'dev-editor (Dev Editor)', hidden: true });
    // dev-viewer is a member already: not offered again.
    expect(screen.queryByRole('option', { name: 'dev-viewer (Dev Viewer)', hidden: true })).not.toBeInTheDocument();
    await pick(select, 'dev-editor (Dev Editor)');
    await userEvent.click(screen.getByRole('button', { name: 'Add member' }));
    await vi.waitFor(() => expect(sent).toEqual({ project_id: 7, username: 'dev-editor', user_subject: 'kc-2' }));
  });

  it('removes a member after a second click, with the version seen', async () => {
    let sentHeaders: Record<string, string> | undefined;
    detail(['admin'], {
      '/api/gateway/users': page(),
      'DELETE /api/project/assignments/30': (init) => {
        sentHeaders = headers(init);
        return new Response(null, { status: 204 });
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Remove dev-viewer' }));
    expect(sentHeaders).toBeUndefined();
    await userEvent.click(screen.getByRole('button', { name: 'Remove dev-viewer' }));
    await vi.waitFor(() => expect(sentHeaders?.['If-Match']).toBe('"1"'));
  });

  it('shows the refusal of an assignment (409 already assigned) next to the picker', async () => {
    detail(['admin'], {
      '/api/gateway/users': page({ id: 'kc-2', username: 'dev-editor', enabled: true }),
      'POST /api/project/assignments': problem(409, 'Conflict', 'dev-editor is assigned to ERP already'),
    });
    await screen.findByRole('option', { name: 'dev-editor', hidden: true });
    await pick(screen.getByRole('combobox', { name: 'User' }), 'dev-editor');
    await userEvent.click(screen.getByRole('button', { name: 'Add member' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('dev-editor is assigned to ERP already');
  });
});
