import type { Key, ReactNode } from 'react';
import { Table } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ListPage } from './PagedList';
import { QueryView } from './Query';
import { Empty } from './States';

/**
 * A small table of rows on show (no sorting, no pages): `empty` when there is none, else a header
 * row and one row per item.
 *
 * @param headers the header cells, in the order of the cells `row` gives
 * @param rowKey the React key of an item's row
 * @param row the cells (`Table.Td`) of one item
 */
export function RowsTable<T>({ rows, label, empty, headers, rowKey, row }: {
  rows: T[];
  /** The table's accessible name. */
  label: string;
  empty: ReactNode;
  headers: string[];
  rowKey: (item: T, index: number) => Key | undefined;
  row: (item: T, index: number) => ReactNode;
}) {
  if (rows.length === 0) return <Empty>{empty}</Empty>;
  return (
    <Table aria-label={label}>
      <Table.Thead><Table.Tr>{headers.map((h) => <Table.Th key={h}>{h}</Table.Th>)}</Table.Tr></Table.Thead>
      <Table.Tbody>
        {rows.map((item, i) => <Table.Tr key={rowKey(item, i)}>{row(item, i)}</Table.Tr>)}
      </Table.Tbody>
    </Table>
  );
}

/**
 * A small table of one API list answer inside a card: the query's loading and error states, then
 * the results as a {@link RowsTable}.
 *
 * @param headers the header cells, in the order of the cells `row` gives
 * @param row the cells (`Table.Td`) of one result
 */
export function ResultTable<T extends { id?: number }>({ query, label, empty, headers, row }: {
  query: UseQueryResult<ListPage<T>>;
  /** The table's accessible name. */
  label: string;
  empty: ReactNode;
  headers: string[];
  row: (result: T) => ReactNode;
}) {
  return (
    <QueryView query={query}>
      {(page) => (
        <RowsTable rows={page.results ?? []} label={label} empty={empty} headers={headers}
          rowKey={(result) => result.id} row={(result) => row(result)} />
      )}
    </QueryView>
  );
}
