import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Catalogue, { ModelForm } from './Catalogue';
import { lastQuery, renderApp, stubFetch } from '../../test/render';

const MODEL = { id: 4, name: 'R650', manufacturer_id: 1, manufacturer_name: 'Dell', device_type_id: 2, device_type_name: 'Server',
  part_number: 'R650-X', u_height: 1, is_full_depth: true, end_of_sale: '2024-01-01', end_of_support: '2020-01-01', version: 2 };

describe('Catalogue', () => {
  it('lists models with their end of support, filtered as the URL says', async () => {
    const calls = stubFetch({ '/api/inventory/models': { count: 1, results: [MODEL] } });
    renderApp(<Catalogue />, { url: '/catalogue?end_of_support__lte=2027-01-01' });
    const table = await screen.findByRole('table', { name: 'Models' });
    expect(within(table).getByText('End of support 2020-01-01')).toBeInTheDocument();
    expect(within(table).getByRole('cell', { name: '1U, full depth' })).toBeInTheDocument();
    expect(lastQuery(calls, '/api/inventory/models').end_of_support__lte).toBe('2027-01-01');
  });

  it('imports devicetype-library YAML files one by one and shows what each added or why it was refused', async () => {
    const sent: { body: string; type: string }[] = [];
    stubFetch({
      'GET /api/inventory/models': { count: 0, results: [] },
      'POST /api/inventory/models/import/devicetype-library': (init) => {
        const body = String(init?.body);
        sent.push({ body, type: (init?.headers as Record<string, string>)['Content-Type'] });
        return body.includes('model:')
          ? new Response(JSON.stringify({ created: 1, updated: 0, models: [{ ...MODEL, name: 'PowerEdge R760' }] }), { status: 200 })
          : new Response(JSON.stringify({ status: 400, title: 'Bad Request', detail: 'model is required' }), { status: 400 });
      },
    });
    renderApp(<Catalogue />, { roles: ['editor'] });
    await userEvent.click(await screen.findByRole('tab', { name: 'Library import' }));
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    await userEvent.upload(input, [
      new File(['manufacturer: Dell\nmodel: PowerEdge R760\nu_height: 2\n'], 'r760.yaml', { type: 'application/yaml' }),
      new File(['manufacturer: Dell\n'], 'broken.yaml', { type: 'application/yaml' }),
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    const results = await screen.findByRole('table', { name: 'Import results' });
    expect(within(results).getByRole('row', { name: /r760\.yaml 1 added, 0 updated Dell PowerEdge R760/ })).toBeInTheDocument();
    expect(within(results).getByRole('row', { name: /broken\.yaml/ })).toHaveTextContent('model is required');
    await waitFor(() => expect(sent.map((s) => s.type)).toEqual(['application/yaml', 'application/yaml']));
  });

  it("edits a model's colour in the rack elevation, sent as six hex digits", async () => {
    const sent: Record<string, unknown>[] = [];
    stubFetch({
      '/api/inventory/manufacturers': { count: 1, results: [{ id: 1, name: 'Dell' }] },
      '/api/inventory/device-types': { count: 1, results: [{ id: 2, name: 'Server' }] },
      'PUT /api/inventory/models/4': (init) => {
        sent.push(JSON.parse(String(init?.body)));
        return new Response(JSON.stringify({ ...MODEL, colour: 'd62728', version: 3 }), { status: 200 });
      },
    });
    renderApp(<ModelForm model={{ ...MODEL, colour: '1f77b4' }} onDone={() => undefined} />, { roles: ['editor'] });
    const colour = await screen.findByRole('textbox', { name: /Colour in the rack elevation/ });
    expect(colour).toHaveValue('#1f77b4');
    await userEvent.clear(colour);
    await userEvent.type(colour, '#d62728');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0].colour).toBe('d62728');
  });
});
