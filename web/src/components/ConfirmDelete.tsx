import type { ReactNode } from 'react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { ProblemAlert } from './States';

/** A delete dialog's body: what happens, the API's refusal if any, cancel and confirm. */
export function ConfirmDelete({ message, confirm, remove, invalidates, onDone }: {
  message: ReactNode;
  confirm: string;
  remove: () => Promise<unknown>;
  invalidates: QueryKey;
  onDone: () => void;
}) {
  const client = useQueryClient();
  const mutation = useMutation({
    mutationFn: remove,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: invalidates });
      onDone();
    },
  });
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
