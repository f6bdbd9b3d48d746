import { useState } from 'react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ownerApi } from '../api/owners';

/** An owner as a VM names it (id, name, e-mail). */
export interface OwnerChoice {
  id?: number;
  full_name?: string;
  email?: string;
}

const label = (o: OwnerChoice) => `${o.full_name ?? '?'} (${o.email ?? '?'})`;

/**
 * Picks an owner of vm-service: typing searches the API (`q`, 20 at a time), so any of thousands
 * of owners can be chosen; `current` labels the chosen one before any search.
 */
export function OwnerSelect({ label: text, value, current, onChange, error, clearable = true }: {
  label: string;
  value: number | null | undefined;
  current?: OwnerChoice | null;
  onChange: (id: number | null) => void;
  error?: string;
  clearable?: boolean;
}) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  // The owner picked in this field (its label stays while other searches run).
  const [picked, setPicked] = useState<OwnerChoice | null>(null);
  const chosen = [picked, current].find((o) => o?.id != null && o.id === value);
  const chosenLabel = chosen ? label(chosen) : undefined;
  // The input shows the chosen owner's label; that is no search.
  const q = debounced && debounced !== chosenLabel ? debounced : undefined;
  const owners = useQuery({
    queryKey: ['vm', 'owners', { q, limit: 20 }],
    queryFn: () => ownerApi.list({ q, limit: 20, ordering: 'full_name' }),
    placeholderData: keepPreviousData,
  });
  const options = new Map<string, string>();
  if (chosen) options.set(String(chosen.id), label(chosen));
  for (const o of owners.data?.results ?? []) if (o.id != null) options.set(String(o.id), label(o));
  return (
    <Select
      label={text}
      searchable
      clearable={clearable}
      data={[...options].map(([v, l]) => ({ value: v, label: l }))}
      value={value == null ? null : String(value)}
      onChange={(v) => {
        setPicked(owners.data?.results?.find((o) => String(o.id) === v) ?? null);
        onChange(v ? Number(v) : null);
      }}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={owners.isFetching ? 'Searching…' : 'No owner found'}
      placeholder="Type a name or e-mail"
      error={error}
    />
  );
}
