import { keepPreviousData, useQuery, type QueryKey, type UseQueryResult } from '@tanstack/react-query';
import type { RowData } from '@tanstack/react-table';
import type { Page, Query } from '../api/client';
import { ListTable, type ListColumns, type ListParams } from './List';
import { QueryView } from './Query';
import { Empty } from './States';

/** One page of an API list answer. */
export type ListPage<T> = Page<T>;

/**
 * The page of an API list that the URL asks for: its filters (the named ones as they are, plus
 * `extra`, e.g. a {@link dayRange}), ordering and page. The page on show stays while the next loads.
 *
 * @param queryKey the query key prefix; the API query is appended
 */
export function usePagedQuery<T>(
  queryKey: QueryKey,
  fetch: (query: Query) => Promise<ListPage<T>>,
  list: ListParams,
  filters: string[],
  extra: Query = {},
): UseQueryResult<ListPage<T>> {
  const query = { ...list.query(filters), ...extra };
  return useQuery({ queryKey: [...queryKey, query], queryFn: () => fetch(query), placeholderData: keepPreviousData });
}

/** A list page's loading and error states, `empty` when nothing matches, else the {@link ListTable}. */
export function PagedTable<T extends RowData>({ page, empty, label, columns, list, sortable, noun, minWidth }: {
  page: UseQueryResult<ListPage<T>>;
  empty: string;
  label: string;
  columns: ListColumns<T>;
  list: ListParams;
  sortable: string[];
  noun: string;
  minWidth?: number;
}) {
  return (
    <QueryView query={page}>
      {(data) => (data.count ?? 0) === 0
        ? <Empty>{empty}</Empty>
        : <ListTable label={label} columns={columns} rows={data.results ?? []} count={data.count ?? 0}
            list={list} sortable={sortable} noun={noun} minWidth={minWidth} />}
    </QueryView>
  );
}
