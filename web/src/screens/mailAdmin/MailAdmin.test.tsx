import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import MailAdmin, { parseVariables } from './MailAdmin';
import { renderApp, stubFetch } from '../../test/render';

const SETTINGS = { host: 'smtp.example.org', port: 587, tls_mode: 'starttls', username: 'infra', password_set: true,
  from_address: 'infra@example.org', rate_per_minute: 60, stored: true, version: 3 };

describe('MailAdmin', () => {
  it('saves SMTP settings keeping the write-only password unless a new one is typed', async () => {
    const sent: { body: Record<string, unknown>; ifMatch: string }[] = [];
    stubFetch({
      'GET /api/mail/settings': SETTINGS,
      'PUT /api/mail/settings': (init) => {
        sent.push({ body: JSON.parse(String(init?.body)), ifMatch: (init?.headers as Record<string, string>)['If-Match'] });
        return new Response(JSON.stringify({ ...SETTINGS, version: 4 }), { status: 200 });
      },
    });
    renderApp(<MailAdmin />, { roles: ['admin'] });
    const host = await screen.findByRole('textbox', { name: /Host/ });
    expect(screen.getByLabelText(/^Password/)).toHaveValue('');
    expect(screen.getByText('A password is stored; leave empty to keep it.')).toBeInTheDocument();
    await userEvent.clear(host);
    await userEvent.type(host, 'mail.example.org');
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0].ifMatch).toBe('"3"');
    expect(sent[0].body).toEqual({ host: 'mail.example.org', port: 587, tls_mode: 'starttls', username: 'infra', from_address: 'infra@example.org', rate_per_minute: 60 });
    expect('password' in sent[0].body).toBe(false);
    await userEvent.type(await screen.findByLabelText(/^Password/), 's3cret');
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1].body.password).toBe('s3cret');
  });

  it('sends a test message and shows the SMTP reply', async () => {
    stubFetch({
      'GET /api/mail/settings': SETTINGS,
      'POST /api/mail/settings/test': { outcome: 'failed', reply_code: 535, reply_text: 'authentication failed', duration_ms: 42 },
    });
    renderApp(<MailAdmin />, { roles: ['admin'] });
    await userEvent.type(await screen.findByRole('textbox', { name: 'Send a test message to' }), 'ops@example.org');
    await userEvent.click(screen.getByRole('button', { name: 'Send test' }));
    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent('Test: failed');
    expect(status).toHaveTextContent('535 authentication failed');
  });

  it('renders the chosen template with the typed variables', async () => {
    const bodies: unknown[] = [];
    stubFetch({
      'GET /api/mail/settings': SETTINGS,
      'GET /api/mail/templates': { count: 1, results: [{ id: 5, name: 'eos-report', subject: 'EoS {{as_of}}', description: 'monthly' }] },
      'POST /api/mail/templates/5/preview': (init) => {
        const body = JSON.parse(String(init?.body)) as { variables: { as_of?: string } };
        bodies.push(body);
        return new Response(JSON.stringify({ subject: `EoS ${body.variables.as_of ?? ''}`, text: 'Hello', html: '<p>Hello</p>' }), { status: 200 });
      },
    });
    renderApp(<MailAdmin />, { roles: ['admin'] });
    await userEvent.click(await screen.findByRole('tab', { name: 'Templates' }));
    await userEvent.click(await screen.findByRole('combobox', { name: 'Template' }));
    await userEvent.keyboard('{ArrowDown}{Enter}');
    const vars = screen.getByRole('textbox', { name: /Variables/ });
    await userEvent.clear(vars);
    await userEvent.click(vars);
    await userEvent.paste('{"as_of": "2026-12-01"}');
    expect(await screen.findByText('EoS 2026-12-01', {}, { timeout: 3000 })).toBeInTheDocument();
    expect(screen.getByTitle('HTML part')).toHaveAttribute('sandbox', '');
    expect(parseVariables('[1]')).toBeUndefined();
    expect(parseVariables('{"a": 1}')).toEqual({ a: 1 });
  });
});

describe('Channels', () => {
  it('shows a secret only as set, keeps it on an edit without a new one, and tests a channel', async () => {
    const sent: Record<string, unknown>[] = [];
    stubFetch({
      'GET /api/mail/settings': SETTINGS,
      'GET /api/mail/channels': { count: 1, results: [{ id: 2, name: 'ops-hook', kind: 'webhook', url: 'https://hooks.example.org/ops', secret_set: true, enabled: true, version: 7 }] },
      'PUT /api/mail/channels/2': (init) => {
        sent.push(JSON.parse(String(init?.body)));
        return new Response(JSON.stringify({}), { status: 200 });
      },
      'POST /api/mail/channels/2/test': { ok: false, status_code: 500, detail: 'server error', duration_ms: 12 },
    });
    renderApp(<MailAdmin />, { roles: ['admin'] });
    await userEvent.click(await screen.findByRole('tab', { name: 'Channels' }));
    const row = await screen.findByRole('row', { name: /ops-hook webhook https:\/\/hooks.example.org\/ops set yes/ });
    expect(row).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Test ops-hook' }));
    expect(await screen.findByRole('status')).toHaveTextContent('HTTP 500');
    await userEvent.click(screen.getByRole('button', { name: 'Edit ops-hook' }));
    expect(await screen.findByText('A secret is stored; leave empty to keep it.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({ name: 'ops-hook', kind: 'webhook', url: 'https://hooks.example.org/ops', enabled: true });
  });
});
