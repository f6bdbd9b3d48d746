import type { ReactNode } from 'react';
import { Group, Pagination, Select, Table, Text, TextInput, UnstyledButton } from '@mantine/core';
import { tableFeatures, useTable, type RowData, type TableOptions } from '@tanstack/react-table';
import { useSearchParams } from 'react-router';
import { dayStart, nextDayStart } from './time';

/** Rows per page of the list screens (the API's default `limit`). */
export const PAGE_SIZE = 50;

/** The TanStack Table features of the list screens (none: the API filters, sorts and pages). */
export const listFeatures = tableFeatures({});
export type ListColumns<T extends RowData> = TableOptions<typeof listFeatures, T>['columns'];

/**
 * A list screen's state kept in the URL under the API's own parameter names (filters, `ordering`)
 * plus `page`, so a list can be bookmarked and shared and the back button undoes a filter.
 */
export interface ListParams {
  /** The URL's value of a parameter, or undefined. */
  get: (name: string) => string | undefined;
  page: number;
  ordering: string;
  /** Sets (or, for an empty value, removes) parameters; any change but `page` goes back to page 1. */
  update: (changes: Record<string, string | undefined>) => void;
  /** The query of the API call: the named filters as they are in the URL, ordering, limit, offset. */
  query: (filters: string[]) => Record<string, string | number | undefined>;
}

/** @param defaultOrdering the API's own default, shown as the sorted column when the URL has none */
export function useListParams(defaultOrdering: string): ListParams {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const ordering = params.get('ordering') ?? defaultOrdering;
  const get = (name: string) => params.get(name) ?? undefined;
  return {
    get,
    page,
    ordering,
    update: (changes) => {
      const next = new URLSearchParams(params);
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      if (!('page' in changes)) next.delete('page');
      setParams(next);
    },
    query: (filters) => ({
      ...Object.fromEntries(filters.map((name) => [name, get(name)])),
      ordering: params.get('ordering') ?? undefined,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    }),
  };
}

/**
 * Day filters: `<name>_from` and `<name>_to` (YYYY-MM-DD, days of the user's time zone) in the URL,
 * sent as `<name>__gte` (start of the first day) and `<name>__lt` (start of the day after the last).
 */
export function dayRange(list: ListParams, name: string): Record<string, string | undefined> {
  return {
    [`${name}__gte`]: dayStart(list.get(`${name}_from`)),
    [`${name}__lt`]: nextDayStart(list.get(`${name}_to`)),
  };
}

/** Free-text filter: applied on Enter or when the field loses focus. */
export function SearchFilter({ list, name = 'q', label = 'Search', placeholder }: {
  list: ListParams; name?: string; label?: string; placeholder?: string;
}) {
  const value = list.get(name) ?? '';
  return (
    <TextInput
      key={value}
      label={label}
      placeholder={placeholder}
      defaultValue={value}
      onKeyDown={(e) => e.key === 'Enter' && list.update({ [name]: e.currentTarget.value.trim() })}
      onBlur={(e) => e.currentTarget.value.trim() !== value && list.update({ [name]: e.currentTarget.value.trim() })}
    />
  );
}

/** A filter with fixed values (the API's choices). */
export function ChoiceFilter({ list, name, label, data }: {
  list: ListParams; name: string; label: string; data: string[];
}) {
  return (
    <Select
      label={label}
      data={data}
      value={list.get(name) ?? null}
      onChange={(value) => list.update({ [name]: value ?? undefined })}
      clearable
      w={160}
    />
  );
}

/** A day of the user's calendar, kept in the URL as YYYY-MM-DD (see {@link dayRange}). */
export function DayFilter({ list, name, label }: { list: ListParams; name: string; label: string }) {
  return (
    <TextInput
      type="date"
      label={label}
      value={list.get(name) ?? ''}
      onChange={(e) => list.update({ [name]: e.currentTarget.value || undefined })}
      w={170}
    />
  );
}

/**
 * One page of an API list as a table: sortable headers (buttons toggling the URL's `ordering`, with
 * `aria-sort`), the total and the pages.
 *
 * @param sortable ids of the columns the API can order by (the column id is the API's field name)
 */
export function ListTable<T extends RowData>({ label, columns, rows, count, list, sortable, noun, minWidth = 700 }: {
  label: string;
  columns: ListColumns<T>;
  rows: T[];
  count: number;
  list: ListParams;
  sortable: string[];
  noun: string;
  minWidth?: number;
}) {
  const table = useTable({ features: listFeatures, columns, data: rows });
  const sortState = (id: string) =>
    list.ordering === id ? 'ascending' : list.ordering === `-${id}` ? 'descending' : 'none';
  const header = (id: string, content: ReactNode) =>
    sortable.includes(id) ? (
      <UnstyledButton onClick={() => list.update({ ordering: list.ordering === id ? `-${id}` : id })} fw={700} fz="sm">
        {content}
        {sortState(id) === 'ascending' ? ' ▲' : sortState(id) === 'descending' ? ' ▼' : ''}
      </UnstyledButton>
    ) : (
      content
    );
  return (
    <>
      <Table.ScrollContainer minWidth={minWidth}>
        <Table striped highlightOnHover aria-label={label}>
          <Table.Thead>
            {table.getHeaderGroups().map((group) => (
              <Table.Tr key={group.id}>
                {group.headers.map((h) => (
                  <Table.Th key={h.id} aria-sort={sortable.includes(h.id) ? sortState(h.id) : undefined}>
                    {header(h.id, <table.FlexRender header={h} />)}
                  </Table.Th>
                ))}
              </Table.Tr>
            ))}
          </Table.Thead>
          <Table.Tbody>
            {table.getRowModel().rows.map((row) => (
              <Table.Tr key={row.id}>
                {row.getAllCells().map((cell) => (
                  <Table.Td key={cell.id}>
                    <table.FlexRender cell={cell} />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between">
        <Text size="sm">{count} {noun}</Text>
        <Pagination
          total={Math.ceil(count / PAGE_SIZE)}
          value={list.page}
          onChange={(p) => list.update({ page: String(p) })}
          getControlProps={(control) => ({ 'aria-label': `${control} page` })}
        />
      </Group>
    </>
  );
}
