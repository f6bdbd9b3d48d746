/** Login settings the gateway serves at /config.json (from its own configuration). */
export interface AppConfig {
  authority: string;
  client_id: string;
}

export async function loadConfig(fetchImpl: typeof fetch = fetch): Promise<AppConfig> {
  const response = await fetchImpl('/config.json', { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(`Cannot load /config.json: HTTP ${response.status}`);
  }
  return (await response.json()) as AppConfig;
}
