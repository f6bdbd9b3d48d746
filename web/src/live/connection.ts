/**
 * One WebSocket to realtime-service through the gateway (`/api/realtime/ws`), authenticated with
 * the Keycloak token in the `access_token` query parameter (the gateway accepts it on upgrades
 * only). Messages are JSON: events `{kind:"event", id, type, source, subject, time, data, cursor}`
 * and control messages `subscribed`, `reset` and `error`. After a close it reconnects with
 * exponential backoff (1 s doubling to 30 s, reset by a successful open), resuming from the cursor
 * of the last event it saw (`resume_from`).
 */
export interface LiveEvent {
  kind: 'event';
  id: string;
  type: string;
  source?: string;
  subject?: string;
  time?: string;
  data?: unknown;
  cursor: string;
}

export interface LiveOptions {
  /** The current access token (read again at every connect, so a renewed token is used). */
  token: () => string | undefined;
  onEvent: (event: LiveEvent) => void;
  /** Called on `reset`: events after the cursor are gone; the caller reloads everything. */
  onReset?: () => void;
  /** Origin as `ws:`/`wss:` URL base; defaults to the page's origin. */
  base?: string;
  createSocket?: (url: string) => WebSocket;
  schedule?: (run: () => void, ms: number) => unknown;
  cancel?: (handle: unknown) => void;
}

export const MIN_BACKOFF_MS = 1_000;
export const MAX_BACKOFF_MS = 30_000;

export function socketUrl(base: string, token: string | undefined, cursor: string | undefined): string {
  const params = new URLSearchParams();
  if (token) params.set('access_token', token);
  if (cursor) params.set('resume_from', cursor);
  const query = params.toString();
  return `${base}/api/realtime/ws${query ? `?${query}` : ''}`;
}

/** Opens the connection at once; `close()` stops it for good. */
export function connectLive(options: LiveOptions): { close: () => void } {
  const base = options.base ?? `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}`;
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url));
  const schedule = options.schedule ?? ((run, ms) => setTimeout(run, ms));
  const cancel = options.cancel ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  let cursor: string | undefined;
  let backoff = MIN_BACKOFF_MS;
  let socket: WebSocket | undefined;
  let timer: unknown;
  let closed = false;

  const open = () => {
    timer = undefined;
    socket = createSocket(socketUrl(base, options.token(), cursor));
    socket.onopen = () => {
      backoff = MIN_BACKOFF_MS;
    };
    socket.onmessage = (message: MessageEvent) => {
      let parsed: { kind?: string; cursor?: string };
      try {
        parsed = JSON.parse(String(message.data)) as typeof parsed;
      } catch {
        return;
      }
      if (parsed.kind === 'event') {
        cursor = parsed.cursor ?? cursor;
        options.onEvent(parsed as LiveEvent);
      } else if (parsed.kind === 'reset') {
        cursor = parsed.cursor;
        options.onReset?.();
      }
    };
    socket.onclose = () => {
      socket = undefined;
      if (closed) return;
      timer = schedule(open, backoff);
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    };
  };
  open();
  return {
    close: () => {
      closed = true;
      if (timer !== undefined) cancel(timer);
      socket?.close();
    },
  };
}
