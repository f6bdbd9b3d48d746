import type { ReactNode } from 'react';
import { Table } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ListPage } from './PagedList';
import { QueryView } from './Query';
import { Empty } from './States';

/**
 * A small table of one API list answer inside a card (no sorting, no pages): the query's loading and
 * error states, `empty` when there is no result, else a header row and one row per result.
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
      {(page) => (page.results ?? []).length === 0 ? <Empty>{empty}</Empty> : (
        <Table aria-label={label}>
          <Table.Thead><Table.Tr>{headers.map((h) => <Table.Th key={h}>{h}</Table.Th>)}</Table.Tr></Table.Thead>
          <Table.Tbody>
            {(page.results ?? []).map((result) => <Table.Tr key={result.id}>{row(result)}</Table.Tr>)}
          </Table.Tbody>
        </Table>
      )}
    </QueryView>
  );
}
