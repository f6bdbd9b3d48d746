/**
 * The one way the app calls the API: through the gateway, with the user's access token. A 401
 * starts a new login; any other failure becomes an ApiError carrying the problem document.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    /** The problem document's field errors (a 400's `errors`), each naming the JSON field. */
    readonly errors: FieldError[] = [],
  ) {
    super(detail ? `${title}: ${detail}` : title);
  }
}

/** One entry of a problem document's `errors`: the field (snake_case, as sent) and why it was refused. */
export interface FieldError {
  field: string;
  message: string;
  /** A CSV import's 1-based line (1 is the header) and column of the bad cell. */
  line?: number;
  column?: number | null;
}

export interface Transport {
  token: () => string | undefined;
  onUnauthorized: () => void;
  fetch: typeof fetch;
}

let transport: Transport = {
  token: () => undefined,
  onUnauthorized: () => undefined,
  fetch: (...args) => fetch(...args),
};

/** Called once at start-up (and by tests) with the session's token source and login trigger. */
export function configureTransport(next: Partial<Transport>): void {
  transport = { ...transport, ...next };
}

/** The strong entity tag of a version, as `If-Match` sends back the version a user saw (`"7"`). */
export const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

export type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export async function api<T>(
  method: string,
  path: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<T> {
  const response = await send(method, path, body, { Accept: 'application/json', ...extraHeaders });
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/**
 * Sends a file or text body as it is (a CSV import, a backup archive) and reads the JSON answer;
 * errors as in {@link api}.
 */
export async function upload<T>(path: string, body: Blob | string, contentType: string): Promise<T> {
  const response = await send('POST', path, new Raw(body, contentType), { Accept: 'application/json' });
  return (await response.json()) as T;
}

/** A body sent unchanged with its own content type. */
class Raw {
  constructor(readonly body: Blob | string, readonly contentType: string) {}
}

/** GETs a file (e.g. a CSV export) with the token and returns its content; errors as in {@link api}. */
export async function download(path: string, accept: string): Promise<Blob> {
  return (await send('GET', path, undefined, { Accept: accept })).blob();
}

async function send(method: string, path: string, body: unknown, extraHeaders: Record<string, string>): Promise<Response> {
  const headers: Record<string, string> = { ...extraHeaders };
  const token = transport.token();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body instanceof Raw) headers['Content-Type'] = body.contentType;
  else if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await transport.fetch(path, {
    method,
    headers,
    body: body instanceof Raw ? body.body : body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401) {
    transport.onUnauthorized();
    throw new ApiError(401, 'Authentication required');
  }
  if (!response.ok) {
    let problem: { title?: string; detail?: string; errors?: FieldError[] } = {};
    try {
      problem = (await response.json()) as typeof problem;
    } catch {
      // not a problem document
    }
    throw new ApiError(
      response.status,
      problem.title ?? response.statusText ?? 'Request failed',
      problem.detail,
      Array.isArray(problem.errors) ? problem.errors : [],
    );
  }
  return response;
}

/** One page of a list answer: the total and the page's results. */
export type Page<T> = { count?: number; results?: T[] };

/** The standard calls of one CRUD collection at `path` (writes send `If-Match` with the version seen). */
export function crudCalls<T, I>(path: string) {
  return {
    list: (query: Query) => api<Page<T>>('GET', withQuery(path, query)),
    get: (id: number) => api<T>('GET', `${path}/${id}`),
    create: (input: I) => api<T>('POST', path, input),
    replace: (id: number, version: number, input: I) => api<T>('PUT', `${path}/${id}`, input, ifMatch(version)),
    remove: (id: number, version: number) => api<void>('DELETE', `${path}/${id}`, undefined, ifMatch(version)),
  };
}
