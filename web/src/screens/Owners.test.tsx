import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Owners from './Owners';
import { LocationProbe, lastQuery, problem, renderApp, stubFetch } from '../test/render';

const OWNER = {
  id: 3, full_name: 'Ada Lovelace', email: 'ada@example.org', designation: 'Engineer', department: 'Platform',
  version: 4, created_at: '2026-01-01T10:00:00Z', updated_at: '2026-01-01T10:00:00Z',
};
const PAGE = { count: 1, results: [OWNER] };

describe('Owners', () => {
  it('lists owners with the search, ordering and page of the URL, and gives a viewer no edit controls', async () => {
    const calls = stubFetch({ '/api/vm/owners': { ...PAGE, count: 51 } });
    renderApp(<Owners />, { roles: ['viewer'], url: '/owners?q=ada&ordering=-email&page=2' });
    expect(await screen.findByRole('cell', { name: 'Ada Lovelace' })).toBeInTheDocument();
    expect(lastQuery(calls, '/api/vm/owners')).toEqual({ q: 'ada', ordering: '-email', limit: '50', offset: '50' });
    expect(screen.getByText('51 owners')).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: /E-mail/ })).toHaveAttribute('aria-sort', 'descending');
    expect(screen.queryByRole('button', { name: 'New owner' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit Ada Lovelace' })).not.toBeInTheDocument();
  });

  it('puts a search in the URL and the API query', async () => {
    const calls = stubFetch({ '/api/vm/owners': PAGE });
    renderApp(<><Owners /><LocationProbe /></>, { url: '/owners' });
    await userEvent.type(await screen.findByRole('textbox', { name: 'Search' }), 'lovelace{Enter}');
    await waitFor(() => expect(lastQuery(calls, '/api/vm/owners').q).toBe('lovelace'));
    expect(screen.getByTestId('location')).toHaveTextContent('/owners?q=lovelace');
  });

  it('says when no owner matches', async () => {
    stubFetch({ '/api/vm/owners': { count: 0, results: [] } });
    renderApp(<Owners />, { url: '/owners?q=nobody' });
    expect(await screen.findByText('No owner matches these filters.')).toBeInTheDocument();
  });

  it('creates an owner for an editor and shows a 409 of a taken e-mail in the dialog', async () => {
    const bodies: unknown[] = [];
    stubFetch({
      'GET /api/vm/owners': PAGE,
      'POST /api/vm/owners': (init) => {
        bodies.push(JSON.parse(String(init?.body)));
        return problem(409, 'Conflict', 'an owner with e-mail grace@example.org exists already')();
      },
    });
    renderApp(<Owners />, { roles: ['editor'] });
    await userEvent.click(await screen.findByRole('button', { name: 'New owner' }));
    const dialog = await screen.findByRole('dialog', { name: 'New owner' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: /Full name/ }), 'Grace Hopper');
    await userEvent.type(within(dialog).getByRole('textbox', { name: /E-mail/ }), 'grace@example.org');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Department' }), 'Navy');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create owner' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Conflict (409)');
    expect(alert).toHaveTextContent('an owner with e-mail grace@example.org exists already');
    expect(bodies).toEqual([{ full_name: 'Grace Hopper', email: 'grace@example.org', department: 'Navy' }]);
  });

  it('replaces an owner with the version the editor saw', async () => {
    let sent: { body?: unknown; ifMatch?: string } = {};
    stubFetch({
      'GET /api/vm/owners': PAGE,
      'PUT /api/vm/owners/3': (init) => {
        sent = { body: JSON.parse(String(init?.body)), ifMatch: (init?.headers as Record<string, string>)['If-Match'] };
        return new Response(JSON.stringify({ ...OWNER, designation: 'Lead', version: 5 }), { status: 200 });
      },
    });
    renderApp(<Owners />, { roles: ['editor'] });
    await userEvent.click(await screen.findByRole('button', { name: 'Edit Ada Lovelace' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit owner' });
    const designation = within(dialog).getByRole('textbox', { name: 'Designation' });
    await userEvent.clear(designation);
    await userEvent.type(designation, 'Lead');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(sent).toEqual({
      body: { full_name: 'Ada Lovelace', email: 'ada@example.org', designation: 'Lead', department: 'Platform' },
      ifMatch: '"4"',
    });
  });

  it('shows field errors of a 400 next to the field', async () => {
    stubFetch({
      'GET /api/vm/owners': PAGE,
      'POST /api/vm/owners': problem(400, 'Bad Request', 'invalid input', [{ field: 'email', message: 'must be an e-mail address' }]),
    });
    renderApp(<Owners />, { roles: ['editor'] });
    await userEvent.click(await screen.findByRole('button', { name: 'New owner' }));
    const dialog = await screen.findByRole('dialog', { name: 'New owner' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: /Full name/ }), 'X');
    await userEvent.type(within(dialog).getByRole('textbox', { name: /E-mail/ }), 'x@y');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create owner' }));
    expect(await within(dialog).findByText('must be an e-mail address', { selector: 'p, div' })).toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: /E-mail/ })).toHaveAttribute('aria-invalid', 'true');
  });

  it('deletes an owner after confirmation, and shows a refusal clearly', async () => {
    const calls = stubFetch({
      'GET /api/vm/owners': PAGE,
      'DELETE /api/vm/owners/3': problem(409, 'Conflict', 'owner 3 is still referenced'),
    });
    renderApp(<Owners />, { roles: ['editor'] });
    await userEvent.click(await screen.findByRole('button', { name: 'Delete Ada Lovelace' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete owner' });
    expect(dialog).toHaveTextContent('lose the reference');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete owner' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('owner 3 is still referenced');
    const remove = calls.find((c) => c.init?.method === 'DELETE')!;
    expect((remove.init!.headers as Record<string, string>)['If-Match']).toBe('"4"');
  });
});
