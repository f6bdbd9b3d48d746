import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Sync from './Sync';
import SystemApis from './SystemApis';
import Audit from './Audit';
import MailMessage from './MailMessage';
import Networks from './Networks';
import Hosts from './Hosts';
import { App } from '../App';
import { Route, Routes } from 'react-router';
import { LocationProbe, lastQuery, problem, renderApp, stubFetch } from '../test/render';

const RUN = {
  id: 9, platform: 'vmware', source: 'vc1', mode: 'full', status: 'completed', chunked: false, vm_count_seen: 12,
  created_count: 2, updated_count: 3, unchanged_count: 7, deleted_count: 1, restored_count: 0,
  started_at: '2026-01-01T10:00:00Z', finished_at: '2026-01-01T10:00:05Z', duration_ms: 5000,
};
const API = {
  id: 2, name: 'vc1-webhook', url: 'https://n8n.local/webhook/vc1', method: 'POST', resource_type: 'vmware',
  is_active: true, auth_header_name: 'X-Token', auth_header_set: true, auth_header_changed_at: '2026-01-01T10:00:00Z', version: 1,
};

describe('Sync', () => {
  it('lists runs with counts and gives a viewer no trigger', async () => {
    const calls = stubFetch({ '/api/vm/sync-runs': { count: 1, results: [RUN] } });
    renderApp(<Sync />, { roles: ['viewer'], url: '/sync?status=completed' });
    expect(await screen.findByRole('cell', { name: 'vc1' })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: '5.0 s' })).toBeInTheDocument();
    expect(lastQuery(calls, '/api/vm/sync-runs').status).toBe('completed');
    expect(screen.queryByRole('button', { name: 'Sync all' })).not.toBeInTheDocument();
  });

  it('triggers a platform for an editor and shows what each webhook did', async () => {
    const calls = stubFetch({
      'GET /api/vm/sync-runs': { count: 1, results: [RUN] },
      'POST /api/vm/sync/vmware/trigger': [{ system_api_id: 2, name: 'vc1-webhook', run_id: 10, status: 'failed', http_status: 403, error: 'webhook answered HTTP 403' }],
    });
    renderApp(<Sync />, { roles: ['editor'] });
    await userEvent.click(await screen.findByRole('button', { name: 'Sync VMware' }));
    expect(await screen.findByText('1 of 1 webhooks failed')).toBeInTheDocument();
    expect(screen.getByText(/webhook answered HTTP 403/)).toBeInTheDocument();
    expect(calls.some((c) => c.init?.method === 'POST' && c.url === '/api/vm/sync/vmware/trigger')).toBe(true);
  });

  it('shows a refused trigger', async () => {
    stubFetch({
      'GET /api/vm/sync-runs': { count: 0, results: [] },
      'POST /api/vm/sync/all/trigger': problem(403, 'Forbidden', 'needs vm:sync'),
    });
    renderApp(<Sync />, { roles: ['editor'] });
    expect(await screen.findByText('No sync run matches these filters.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Sync all' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('needs vm:sync');
  });
});

describe('SystemApis', () => {
  it('shows that a secret is set, and a change without a new secret leaves it out of the patch', async () => {
    let sent: unknown;
    stubFetch({
      'GET /api/vm/system-apis': { count: 1, results: [API] },
      'PATCH /api/vm/system-apis/2': (init) => {
        sent = JSON.parse(String(init?.body));
        return new Response(JSON.stringify({ ...API, version: 2 }), { status: 200 });
      },
    });
    renderApp(<SystemApis />, { roles: ['admin'] });
    expect(await screen.findByText('secret set')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Edit vc1-webhook' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit system API' });
    expect(within(dialog).getByLabelText(/^Secret/)).toHaveValue('');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(sent).toBeDefined());
    expect(sent).toEqual({
      name: 'vc1-webhook', url: 'https://n8n.local/webhook/vc1', method: 'POST', resource_type: 'vmware',
      source: null, is_active: true,
    });
  });

  it('sends a new secret once and shows a 409 of the API', async () => {
    let sent: Record<string, unknown> = {};
    stubFetch({
      'GET /api/vm/system-apis': { count: 0, results: [] },
      'POST /api/vm/system-apis': (init) => {
        sent = JSON.parse(String(init?.body));
        return problem(409, 'Conflict', 'a system API named n1 exists already')();
      },
    });
    renderApp(<SystemApis />, { roles: ['admin'] });
    await userEvent.click(await screen.findByRole('button', { name: 'New system API' }));
    const dialog = await screen.findByRole('dialog', { name: 'New system API' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'n1');
    await userEvent.type(within(dialog).getByRole('textbox', { name: /Webhook URL/ }), 'https://n8n.local/w');
    await userEvent.type(within(dialog).getByRole('textbox', { name: /Header name/ }), 'X-Token');
    await userEvent.type(within(dialog).getByLabelText(/^Secret/), 's3cret');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create system API' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('a system API named n1 exists already');
    expect(sent).toMatchObject({ name: 'n1', auth_header_name: 'X-Token', auth_header_value: 's3cret', is_active: true });
  });
});

describe('Audit', () => {
  it('reads the chosen service with its filters, days as instants of the user', async () => {
    const calls = stubFetch({ '/api/mail/audit': { count: 1, results: [{ id: 1, actor: 'dev-admin', actor_type: 'user', action: 'updated', resource_type: 'template', resource_id: '4', occurred_at: '2026-01-01T10:00:00Z', changes: { subject: ['a', 'b'] } }] } });
    renderApp(<><Audit /><LocationProbe /></>, { roles: ['admin'], url: '/admin/audit?service=mail&actor_type=user' });
    expect(await screen.findByRole('cell', { name: 'template' })).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-03-01' } });
    await waitFor(() => expect(lastQuery(calls, '/api/mail/audit').occurred_at__gte).toBe(new Date(2026, 2, 1).toISOString()));
    expect(lastQuery(calls, '/api/mail/audit').actor_type).toBe('user');
    expect(screen.getByTestId('location')).toHaveTextContent('occurred_at_from=2026-03-01');
    await userEvent.click(screen.getByRole('button', { name: 'Details of entry 1' }));
    expect(await screen.findByText(/"subject"/)).toBeInTheDocument();
  });
});

describe('Networks and hosts', () => {
  it('filters unused networks through the API and the URL', async () => {
    const calls = stubFetch({
      '/api/vm/networks': { count: 1, results: [{ id: 1, platform: 'vmware', network_id: 'dvportgroup-1', name: 'prod', vm_count: 0 }] },
      '/api/vm/stats': { networks: { total: 5, in_use: 3, not_in_use: 2 } },
    });
    renderApp(<><Networks /><LocationProbe /></>, { url: '/networks' });
    expect(await screen.findByRole('cell', { name: 'prod' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('radio', { name: 'Unused' }));
    await waitFor(() => expect(lastQuery(calls, '/api/vm/networks').vm_count).toBe('0'));
    expect(screen.getByTestId('location')).toHaveTextContent('vm_count=0');
  });

  it('shows an error state when hosts cannot be read', async () => {
    stubFetch({ '/api/vm/hosts': problem(500, 'Internal Server Error', 'boom') });
    renderApp(<Hosts />, { url: '/hosts' });
    expect(await screen.findByRole('alert')).toHaveTextContent('boom');
  });
});

const MESSAGE = {
  id: 7, status: 'failed', subject: 'Hello', from: 'infra@example.org', to: ['a@example.org'], attempts: 2,
  delivery_attempts: [{ attempt_no: 1, started_at: '2026-01-01T10:00:00Z', duration_ms: 120, outcome: 'permanent_failure', reply_code: 550, reply_text: 'no such user' }],
};

describe('MailMessage', () => {
  it('shows the attempts and lets an admin retry, showing a 409', async () => {
    const calls = stubFetch({
      'GET /api/mail/messages/7': MESSAGE,
      'POST /api/mail/messages/7/retry': problem(409, 'Conflict', 'message 7 is not failed'),
    });
    renderApp(<Routes><Route path="/mail/:id" element={<MailMessage />} /></Routes>, { roles: ['admin'], url: '/mail/7' });
    expect(await screen.findByRole('cell', { name: '550 no such user' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Retry delivery' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('message 7 is not failed');
    expect(calls.some((c) => c.init?.method === 'POST')).toBe(true);
  });

  it('offers a viewer no retry', async () => {
    stubFetch({ 'GET /api/mail/messages/7': MESSAGE });
    renderApp(<Routes><Route path="/mail/:id" element={<MailMessage />} /></Routes>, { roles: ['viewer'], url: '/mail/7' });
    expect(await screen.findByRole('heading', { name: 'Hello' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Retry delivery' })).not.toBeInTheDocument();
  });
});

describe('navigation of the new screens', () => {
  it('gives a viewer the "not allowed" page on the audit log and no admin entries', async () => {
    const calls = stubFetch({});
    renderApp(<App />, { roles: ['viewer'], url: '/admin/audit' });
    expect(await screen.findByRole('heading', { name: 'Not allowed' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Owners' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'System APIs' })).not.toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });
});
