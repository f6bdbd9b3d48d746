import type { ReactNode } from 'react';
import { Button, Group, Stack, Text } from '@mantine/core';
import type { QueryKey } from '@tanstack/react-query';
import { useSave } from './Form';
import { ProblemAlert } from './States';

/** A delete dialog's body: what happens, the API's refusal if any, cancel and confirm. */
export function ConfirmDelete({ message, confirm, remove, invalidates, onDone }: {
  message: ReactNode;
  confirm: string;
  remove: () => Promise<unknown>;
  invalidates: QueryKey;
  onDone: () => void;
}) {
  const mutation = useSave(remove, invalidates, onDone);
  return (
    <Stack>
      <Text>{message}</Text>
      {mutation.isError && <ProblemAlert error={mutation.error} />}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>Cancel</Button>
        <Button color="red" loading={mutation.isPending} onClick={() => mutation.mutate()}>{confirm}</Button>
      </Group>
    </Stack>
  );
}
