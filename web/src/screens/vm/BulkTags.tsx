import { useState } from 'react';
import { TagsInput, Text } from '@mantine/core';
import { vmApi } from '../../api/vm';
import { DialogForm, useSave } from '../../components/Form';

/** Adds and removes tags on the selected VMs in one all-or-nothing call. */
export function BulkTagsForm({ vmIds, onDone }: { vmIds: number[]; onDone: (changed: boolean) => void }) {
  const [add, setAdd] = useState<string[]>([]);
  const [remove, setRemove] = useState<string[]>([]);
  const save = useSave(() => vmApi.bulkTags({ vm_ids: vmIds, add, remove }), ['vm'], () => onDone(true));
  return (
    <DialogForm save={save} onCancel={() => onDone(false)} submit="Apply tags" disabled={add.length + remove.length === 0}>
      <Text size="sm">{vmIds.length === 1 ? '1 virtual machine' : `${vmIds.length} virtual machines`} selected.</Text>
      <TagsInput label="Add tags" value={add} onChange={setAdd} placeholder="Type a tag, then Enter" maxLength={255} />
      <TagsInput label="Remove tags" value={remove} onChange={setRemove} placeholder="Type a tag, then Enter" maxLength={255} />
    </DialogForm>
  );
}
