import type { ReactNode } from 'react';
import { Button, Group, Stack } from '@mantine/core';
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { ProblemAlert } from './States';

/**
 * A form's write: runs `write`, then marks the queries under `invalidates` stale (the lists and
 * details showing the entity refetch) and hands the API's answer to `onSaved`. A refusal stays in
 * the mutation's `error` for the form to show.
 */
export function useSave<T>(write: () => Promise<T>, invalidates: QueryKey, onSaved: (saved: T) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: invalidates });
      onSaved(saved);
    },
  });
}

/**
 * A dialog's form: its fields, the API's refusal (problem title, detail, field errors), Cancel and
 * the submit button, which spins while the write runs.
 */
export function DialogForm({ save, onCancel, submit, disabled = false, children }: {
  save: { mutate: () => void; isPending: boolean; isError: boolean; error: unknown };
  onCancel: () => void;
  /** The submit button's text (e.g. "Create owner", "Save"). */
  submit: string;
  /** Whether the submit button is disabled (required fields still empty). */
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack>
        {children}
        {save.isError && <ProblemAlert error={save.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>Cancel</Button>
          <Button type="submit" loading={save.isPending} disabled={disabled}>{submit}</Button>
        </Group>
      </Stack>
    </form>
  );
}
