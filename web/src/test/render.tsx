import type { ReactElement } from 'react';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, useLocation } from 'react-router';
import { render } from '@testing-library/react';
import { AuthContext } from '../auth/AuthContext';
import type { Role } from '../auth/roles';
import { configureTransport } from '../api/client';
import { theme } from '../Root';

/** A fetch stub answering JSON by path ("GET /api/vm/stats" or "/api/vm/stats"); 404 otherwise. A function answer also gets the URL (with its query). */
type Answer = object | ((init?: RequestInit, url?: string) => Response);

export function stubFetch(answers: Record<string, Answer>) {
  const calls: { url: string; init?: RequestInit }[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    calls.push({ url, init });
    const path = url.split('?')[0];
    const answer = answers[`${init?.method ?? 'GET'} ${path}`] ?? answers[path];
    if (answer === undefined) return new Response(JSON.stringify({ title: 'Not Found', status: 404 }), { status: 404 });
    if (typeof answer === 'function') return answer(init, url);
    return new Response(JSON.stringify(answer), { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
  configureTransport({ fetch: fetch as typeof globalThis.fetch, token: () => 'test-token' });
  return calls;
}

/** Renders inside the app's providers, as a user with the given roles, at the given URL. */
export function renderApp(ui: ReactElement, { roles = ['viewer'] as Role[], url = '/', logout = () => undefined } = {}) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const session = { username: 'dev-viewer', name: 'Dev Viewer', roles, accessToken: 'test-token' };
  return render(
    <MantineProvider theme={theme}>
      <QueryClientProvider client={client}>
        <AuthContext.Provider value={{ session, logout }}>
          <MemoryRouter initialEntries={[url]}>{ui}</MemoryRouter>
        </AuthContext.Provider>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

/** Shows the router's current path and query, so tests can assert what a screen keeps in the URL. */
export function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search}</output>;
}

/** @returns the query parameters the stub received on the last call to `path` */
export function lastQuery(calls: { url: string }[], path: string): Record<string, string> {
  const call = calls.filter((c) => c.url.split('?')[0] === path).at(-1);
  if (!call) throw new Error(`no call to ${path}`);
  return Object.fromEntries(new URL(call.url, 'http://x').searchParams);
}

/** @returns a stub answer: the status with a problem+json document */
export function problem(status: number, title: string, detail?: string, errors?: { field: string; message: string }[]) {
  return () =>
    new Response(JSON.stringify({ status, title, detail, errors }), {
      status,
      headers: { 'Content-Type': 'application/problem+json' },
    });
}
