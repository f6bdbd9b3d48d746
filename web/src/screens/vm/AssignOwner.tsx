import { useState } from 'react';
import { Text } from '@mantine/core';
import { vmApi, type VmSummary } from '../../api/vm';
import { OwnerSelect } from '../../components/OwnerSelect';
import { fieldError } from '../../components/States';
import { DialogForm, useSave } from '../../components/Form';

/** Admin quick-assign: sets a VM's technical owner without opening its overrides form. */
export function AssignOwnerForm({ vm, onDone }: { vm: VmSummary; onDone: () => void }) {
  const [ownerId, setOwnerId] = useState<number | null>(vm.technical_owner?.id ?? null);
  const save = useSave(() => vmApi.assignTechnicalOwner(vm.id ?? 0, ownerId ?? 0), ['vm'], onDone);
  return (
    <DialogForm save={save} onCancel={onDone} submit="Assign owner" disabled={ownerId == null}>
      <Text size="sm">Virtual machine {vm.vm_name}</Text>
      <OwnerSelect
        label="Technical owner"
        value={ownerId}
        current={vm.technical_owner}
        onChange={setOwnerId}
        clearable={false}
        error={fieldError(save.error, 'owner_id')}
      />
    </DialogForm>
  );
}
