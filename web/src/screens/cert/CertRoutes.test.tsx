import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { App } from '../../App';
import { renderApp, stubFetch } from '../../test/render';

const empty = { count: 0, results: [] };

describe('Certificate screens in the app', () => {
  it('are reached from the main navigation; a viewer gets no upload entry', async () => {
    stubFetch({ '/api/cert/certificates': empty, '/api/cert/scans': empty });
    renderApp(<App />, { roles: ['viewer'], url: '/certs' });
    expect(await screen.findByRole('link', { name: 'Certificates' })).toHaveAttribute('href', '/certs');
    const section = await screen.findByRole('navigation', { name: 'Certificate screens' });
    expect(within(section).getByRole('link', { name: 'Overview' })).toHaveAttribute('aria-current', 'page');
    expect(within(section).queryByRole('link', { name: 'Upload' })).not.toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Certificates overview' })).toBeInTheDocument();
  });

  it('refuses the upload screen to a viewer', async () => {
    const calls = stubFetch({});
    renderApp(<App />, { roles: ['viewer'], url: '/certs/upload' });
    expect(await screen.findByRole('heading', { name: 'Not allowed' })).toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });

  it('shows an editor the upload entry', async () => {
    stubFetch({ '/api/cert/certificates': empty, '/api/cert/scans': empty });
    renderApp(<App />, { roles: ['editor'], url: '/certs' });
    const section = await screen.findByRole('navigation', { name: 'Certificate screens' });
    expect(within(section).getByRole('link', { name: 'Upload' })).toHaveAttribute('href', '/certs/upload');
  });
});
