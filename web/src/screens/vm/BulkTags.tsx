import { useState } from 'react';
import { Button, Group, Stack, TagsInput, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { vmApi } from '../../api/vm';
import { ProblemAlert } from '../../components/States';

/** Adds and removes tags on the selected VMs in one all-or-nothing call. */
export function BulkTagsForm({ vmIds, onDone }: { vmIds: number[]; onDone: (changed: boolean) => void }) {
  const [add, setAdd] = useState<string[]>([]);
  const [remove, setRemove] = useState<string[]>([]);
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: () => vmApi.bulkTags({ vm_ids: vmIds, add, remove }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['vm'] });
      onDone(true);
    },
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack>
        <Text size="sm">{vmIds.length === 1 ? '1 virtual machine' : `${vmIds.length} virtual machines`} selected.</Text>
        <TagsInput label="Add tags" value={add} onChange={setAdd} placeholder="Type a tag, then Enter" maxLength={255} />
        <TagsInput label="Remove tags" value={remove} onChange={setRemove} placeholder="Type a tag, then Enter" maxLength={255} />
        {save.isError && <ProblemAlert error={save.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onDone(false)}>Cancel</Button>
          <Button type="submit" loading={save.isPending} disabled={add.length + remove.length === 0}>Apply tags</Button>
        </Group>
      </Stack>
    </form>
  );
}
