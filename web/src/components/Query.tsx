import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { ApiError } from '../api/client';
import { Forbidden } from '../screens/Forbidden';
import { ErrorState, Loading } from './States';

/** Loading, "not allowed" (403) and error states of a query; the content once it has data. */
export function QueryView<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  if (query.isPending) return <Loading />;
  if (query.isError) {
    return query.error instanceof ApiError && query.error.status === 403 ? <Forbidden /> : <ErrorState error={query.error} />;
  }
  return <>{children(query.data)}</>;
}
