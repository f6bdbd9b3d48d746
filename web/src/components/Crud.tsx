import { useMemo, useState, type ReactNode } from 'react';
import { Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import type { QueryKey } from '@tanstack/react-query';
import { createColumnHelper, type RowData } from '@tanstack/react-table';
import { ConfirmDelete } from './ConfirmDelete';
import type { Query } from '../api/client';
import { listFeatures, useListParams, type ListColumns, type ListParams } from './List';
import { PagedTable, usePagedQuery, type ListPage } from './PagedList';

/** What a {@link CrudList} lists and how it writes: the API calls and the row's words. */
export interface CrudListProps<T extends RowData> {
  /** The screen's heading and the table's accessible name (e.g. "Owners"). */
  title: string;
  /** One entity in words, lower case (e.g. "owner"): "New owner", "Edit owner", "Delete owner". */
  noun: string;
  /** The count's word under the table (e.g. "owners"). */
  plural: string;
  /** The query key prefix of the list; the page's query is appended. */
  queryKey: QueryKey;
  /** Reads one page of the list with the URL's filters, ordering and paging. */
  fetch: (query: Query) => Promise<ListPage<T>>;
  /** The API's default ordering (shown as the sorted column when the URL names none). */
  defaultOrdering: string;
  /** The URL parameters passed to the API as filters. */
  filters: string[];
  /** The filter controls over the URL's parameters. */
  filterControls: (list: ListParams) => ReactNode;
  /** Column ids the API orders by. */
  sortable: string[];
  /** The data columns (a constant: the actions column is added after them). */
  columns: ListColumns<T>;
  /** What an empty page says. */
  empty: string;
  /** Shown between the heading and the filters. */
  intro?: ReactNode;
  /** Whether the caller may create and edit (the New button and the row's Edit). */
  canEdit: boolean;
  /** Whether the caller may delete (the row's Delete). */
  canDelete: boolean;
  /** How a row is named in its buttons' accessible names ("Edit Jane Doe"). */
  rowName: (row: T) => string | undefined;
  /** The create (no row) or edit form, which calls `onDone` when it is finished or cancelled. */
  form: (row: T | undefined, onDone: () => void) => ReactNode;
  /** The delete dialog's text. */
  deleteMessage: (row: T) => ReactNode;
  /** Deletes a row (with its version in `If-Match`). */
  remove: (row: T) => Promise<unknown>;
  /** Queries a deletion makes stale. */
  invalidates: QueryKey;
  modalSize?: string;
  minWidth?: number;
}

type Dialog<T> = { kind: 'create' } | { kind: 'edit'; row: T } | { kind: 'delete'; row: T } | null;

/**
 * A list screen over one API collection with its create, edit and delete dialogs: heading with
 * "New …", filters, the sortable paged table with Edit and Delete per row, and a modal holding the
 * form or the delete confirmation (the API's refusal stays in the dialog).
 */
export function CrudList<T extends RowData>(props: CrudListProps<T>) {
  const { title, noun, queryKey, fetch, canEdit, canDelete, rowName, columns } = props;
  const list = useListParams(props.defaultOrdering);
  const page = usePagedQuery(queryKey, fetch, list, props.filters);
  const [dialog, setDialog] = useState<Dialog<T>>(null);
  const close = () => setDialog(null);

  const allColumns = useMemo(() => {
    if (!canEdit) return columns;
    const helper = createColumnHelper<typeof listFeatures, T>();
    return [
      ...columns,
      helper.display({
        id: 'actions',
        header: () => <Text span size="sm" fw={700}>Actions</Text>,
        cell: (c) => (
          <Group gap="xs" wrap="nowrap">
            <Button size="xs" variant="light" aria-label={`Edit ${rowName(c.row.original)}`}
              onClick={() => setDialog({ kind: 'edit', row: c.row.original })}>Edit</Button>
            {canDelete && (
              <Button size="xs" variant="light" color="red" aria-label={`Delete ${rowName(c.row.original)}`}
                onClick={() => setDialog({ kind: 'delete', row: c.row.original })}>Delete</Button>
            )}
          </Group>
        ),
      }),
    ] as ListColumns<T>;
  }, [columns, canEdit, canDelete, rowName]);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{title}</Title>
        {canEdit && <Button onClick={() => setDialog({ kind: 'create' })}>New {noun}</Button>}
      </Group>
      {props.intro}
      <Group align="end">{props.filterControls(list)}</Group>
      <PagedTable page={page} empty={props.empty} label={title} columns={allColumns}
        list={list} sortable={props.sortable} noun={props.plural} minWidth={props.minWidth} />
      <Modal opened={dialog !== null} onClose={close} size={props.modalSize} closeButtonProps={{ 'aria-label': 'Close' }}
        title={dialog?.kind === 'create' ? `New ${noun}` : dialog?.kind === 'edit' ? `Edit ${noun}` : `Delete ${noun}`}>
        {dialog?.kind === 'create' && props.form(undefined, close)}
        {dialog?.kind === 'edit' && props.form(dialog.row, close)}
        {dialog?.kind === 'delete' && (
          <ConfirmDelete message={props.deleteMessage(dialog.row)} confirm={`Delete ${noun}`}
            remove={() => props.remove(dialog.row)} invalidates={props.invalidates} onDone={close} />
        )}
      </Modal>
    </Stack>
  );
}
