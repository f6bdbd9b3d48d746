import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { inventoryApi } from '../../api/inventory';

/** The first 1,000 sites by name (the API's largest page), as a select of ids. */
export function useSiteOptions() {
  const sites = useQuery({ queryKey: ['inventory', 'sites', 'options'], queryFn: () => inventoryApi.sites({ ordering: 'name', limit: 1000 }) });
  return (sites.data?.results ?? []).map((s) => ({ value: String(s.id), label: s.name ?? `#${s.id}` }));
}

/** A site picker bound to a site id (as a string, as the URL and forms keep it). */
export function SiteSelect({ value, onChange, label = 'Site', required, error, clearable, w }: {
  value: string | undefined;
  onChange: (id: string | undefined) => void;
  label?: string;
  required?: boolean;
  error?: string;
  clearable?: boolean;
  w?: number;
}) {
  const options = useSiteOptions();
  return (
    <Select label={label} data={options} value={value ?? null} onChange={(v) => onChange(v ?? undefined)}
      required={required} error={error} clearable={clearable} searchable w={w} />
  );
}
