import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Clients from './Clients';
import { lastQuery, problem, renderApp, stubFetch } from '../../test/render';

const CLIENT = { id: 3, name: 'Acme', contact_name: 'Wile E.', contact_email: 'wile@acme.test', contact_phone: '+1 555', version: 2 };
const PAGE = { count: 1, results: [CLIENT] };

describe('Clients', { timeout: 20_000 }, () => {
  it('lists clients with the search and ordering of the URL', async () => {
    const calls = stubFetch({ '/api/project/clients': PAGE });
    renderApp(<Clients />, { roles: ['admin'], url: '/admin/clients?q=acme&ordering=-name' });
    expect(await screen.findByRole('cell', { name: 'Acme' })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'wile@acme.test' })).toBeInTheDocument();
    expect(lastQuery(calls, '/api/project/clients')).toEqual({ q: 'acme', ordering: '-name', limit: '50', offset: '0' });
    expect(screen.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'descending');
  });

  it('creates a client and shows a 409 (name taken) in the dialog', async () => {
    const bodies: unknown[] = [];
    stubFetch({
      'GET /api/project/clients': PAGE,
      'POST /api/project/clients': (init) => {
        bodies.push(JSON.parse(String(init?.body)));
        return problem(409, 'Conflict', 'a client named Acme exists already')();
      },
    });
    renderApp(<Clients />, { roles: ['admin'] });
    await userEvent.click(await screen.findByRole('button', { name: 'New client' }));
    const dialog = await screen.findByRole('dialog', { name: 'New client' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'Acme');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Contact e-mail' }), 'ops@acme.test');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create client' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('a client named Acme exists already');
    expect(bodies).toEqual([{ name: 'Acme', contact_email: 'ops@acme.test' }]);
  });

  it('shows a 422/400 field error next to its field', async () => {
    stubFetch({
      'GET /api/project/clients': PAGE,
      'PUT /api/project/clients/3': problem(422, 'Unprocessable', 'invalid input', [{ field: 'contact_email', message: 'must be an e-mail address' }]),
    });
    renderApp(<Clients />, { roles: ['admin'] });
    await userEvent.click(await screen.findByRole('button', { name: 'Edit Acme' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit client' });
    const email = within(dialog).getByRole('textbox', { name: 'Contact e-mail' });
    await userEvent.clear(email);
    await userEvent.type(email, 'nope@nowhere');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('must be an e-mail address', { selector: 'p, div' })).toBeInTheDocument();
  });

  it('edits a client with the version seen', async () => {
    let sent: { body?: unknown; ifMatch?: string } = {};
    stubFetch({
      'GET /api/project/clients': PAGE,
      'PUT /api/project/clients/3': (init) => {
        sent = { body: JSON.parse(String(init?.body)), ifMatch: (init?.headers as Record<string, string>)['If-Match'] };
        return new Response(JSON.stringify({ ...CLIENT, version: 3 }), { status: 200 });
      },
    });
    renderApp(<Clients />, { roles: ['admin'] });
    await userEvent.click(await screen.findByRole('button', { name: 'Edit Acme' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit client' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Notes' }), 'key account');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(sent).toEqual({
      body: { name: 'Acme', contact_name: 'Wile E.', contact_email: 'wile@acme.test', contact_phone: '+1 555', notes: 'key account' },
      ifMatch: '"2"',
    });
  });

  it('shows the refusal to delete a client that has projects', async () => {
    stubFetch({
      'GET /api/project/clients': PAGE,
      'DELETE /api/project/clients/3': problem(409, 'Conflict', 'client Acme still has 2 projects'),
    });
    renderApp(<Clients />, { roles: ['admin'] });
    await userEvent.click(await screen.findByRole('button', { name: 'Delete Acme' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete client' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete client' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('client Acme still has 2 projects');
  });
});
