import { lazy, useState, type ComponentType } from 'react';
import type { QueryClient } from '@tanstack/react-query';

/** A screen module: its component, and what it may offer for loading ahead of its first render. */
export interface ScreenModule {
  default: ComponentType;
  /**
   * Starts the requests the screen makes first, into the query cache, so that its first render
   * finds them under way or done.
   *
   * @param client the app's query client
   * @param search the URL's query string of the screen
   */
  prefetch?: (client: QueryClient, search: URLSearchParams) => Promise<void>;
}

/** A route's screen, loaded on first use; {@link LazyScreen.load} loads it ahead. */
export type LazyScreen = ComponentType & { load: () => Promise<ScreenModule> };

/**
 * Like React's `lazy`, but a screen whose chunk is already loaded renders at once instead of
 * suspending: React holds a revealed Suspense boundary's content back for at least 300 ms after
 * its fallback appeared, which a preloaded screen need not wait for.
 *
 * @param loader the screen module's dynamic import
 */
export function lazyScreen(loader: () => Promise<ScreenModule>): LazyScreen {
  let loaded: ScreenModule | undefined;
  let loading: Promise<ScreenModule> | undefined;
  const load = () =>
    (loading ??= loader().then((module) => {
      loaded = module;
      return module;
    }));
  const Suspending = lazy(load);
  function Screen() {
    // chosen once per mount, so a later render never swaps the component (and its state) out
    const [Component] = useState<ComponentType>(() => loaded?.default ?? Suspending);
    return <Component />;
  }
  return Object.assign(Screen, { load });
}

/**
 * Render-as-you-fetch for the landing screen: loads the screen's chunk at once (it needs no
 * token), then, once the API can be called, its first data. Both run while the login completes
 * and the shell renders, instead of one after the other.
 *
 * @param screens the screens that can be landed on, by path pattern
 * @param path the path (and query) the app is about to show
 * @returns a function to call once API calls carry a token; it starts the screen's prefetch
 */
export function preloadScreen(screens: [RegExp, LazyScreen][], path: string): (client: QueryClient) => void {
  const url = new URL(path, window.location.origin);
  const screen = screens.find(([pattern]) => pattern.test(url.pathname))?.[1];
  if (!screen) return () => undefined;
  const loading = screen.load();
  return (client) =>
    void loading.then((module) => module.prefetch?.(client, url.searchParams)).catch(() => undefined);
}
