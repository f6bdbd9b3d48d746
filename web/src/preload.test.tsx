import { Suspense } from 'react';
import { render, screen } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { lazyScreen, preloadScreen } from './preload';

describe('lazyScreen', () => {
  it('renders a screen loaded ahead at once, without the Suspense fallback', async () => {
    const Screen = lazyScreen(() => Promise.resolve({ default: () => <p>the screen</p> }));
    await Screen.load();
    render(<Suspense fallback={<p>loading</p>}><Screen /></Suspense>);
    expect(screen.getByText('the screen')).toBeInTheDocument();
    expect(screen.queryByText('loading')).not.toBeInTheDocument();
  });

  it('suspends a screen not loaded yet, then shows it', async () => {
    const Screen = lazyScreen(() => Promise.resolve({ default: () => <p>later</p> }));
    render(<Suspense fallback={<p>loading</p>}><Screen /></Suspense>);
    expect(screen.getByText('loading')).toBeInTheDocument();
    expect(await screen.findByText('later')).toBeInTheDocument();
  });
});

describe('preloadScreen', () => {
  it("loads the landing screen's chunk at once and its data once the API can be called", async () => {
    const prefetched: string[] = [];
    let loads = 0;
    const Vms = lazyScreen(() => {
      loads++;
      return Promise.resolve({
        default: () => null,
        prefetch: async (_: QueryClient, search: URLSearchParams) => {
          prefetched.push(search.toString());
        },
      });
    });
    const start = preloadScreen([[/^\/vms$/, Vms]], '/vms?q=web&page=2');
    expect(loads).toBe(1);
    expect(prefetched).toEqual([]);
    start(new QueryClient());
    await Vms.load();
    await Promise.resolve();
    expect(prefetched).toEqual(['q=web&page=2']);
    expect(loads).toBe(1);
  });

  it('does nothing for a path without a landing screen', () => {
    const Vms = lazyScreen(() => Promise.reject(new Error('not to be loaded')));
    expect(() => preloadScreen([[/^\/vms$/, Vms]], '/racks')(new QueryClient())).not.toThrow();
  });
});
