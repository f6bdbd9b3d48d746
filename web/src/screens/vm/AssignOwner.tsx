import { useState } from 'react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { vmApi, type VmSummary } from '../../api/vm';
import { OwnerSelect } from '../../components/OwnerSelect';
import { ProblemAlert, fieldError } from '../../components/States';

/** Admin quick-assign: sets a VM's technical owner without opening its overrides form. */
export function AssignOwnerForm({ vm, onDone }: { vm: VmSummary; onDone: () => void }) {
  const [ownerId, setOwnerId] = useState<number | null>(vm.technical_owner?.id ?? null);
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: () => vmApi.assignTechnicalOwner(vm.id ?? 0, ownerId ?? 0),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['vm'] });
      onDone();
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
        <Text size="sm">Virtual machine {vm.vm_name}</Text>
        <OwnerSelect
          label="Technical owner"
          value={ownerId}
          current={vm.technical_owner}
          onChange={setOwnerId}
          clearable={false}
          error={fieldError(save.error, 'owner_id')}
        />
        {save.isError && <ProblemAlert error={save.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>Cancel</Button>
          <Button type="submit" loading={save.isPending} disabled={ownerId == null}>Assign owner</Button>
        </Group>
      </Stack>
    </form>
  );
}
