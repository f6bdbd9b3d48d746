import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { vmApi, type VmDetail } from '../../api/vm';
import { ProblemAlert } from '../../components/States';
import { formatTime } from '../../components/time';
import { useManualChange } from './useManualChange';

/** Admin soft-delete (with a reason) and restore; everyone sees who deleted a VM, when and why. */
export function SoftDelete({ detail, admin }: { detail: VmDetail; admin: boolean }) {
  const id = detail.vm?.id ?? 0;
  const deleted = detail.vm?.is_deleted ?? false;
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const remove = useManualChange(() => vmApi.remove(id, reason.trim() || undefined), () => setAsking(false));
  const restore = useManualChange(() => vmApi.restore(id));
  return (
    <>
      {deleted && (
        <Alert color="red" variant="light" title="Deleted">
          <Text size="sm">
            {formatTime(detail.deleted_at)}
            {detail.deleted_by && ` by ${detail.deleted_by}`}
            {detail.delete_reason && `: ${detail.delete_reason}`}
          </Text>
        </Alert>
      )}
      {admin && (
        <Group>
          {deleted ? (
            <Button variant="default" loading={restore.isPending} onClick={() => restore.mutate(undefined)}>Restore VM</Button>
          ) : (
            <Button color="red" variant="light" onClick={() => setAsking(true)}>Delete VM</Button>
          )}
        </Group>
      )}
      {restore.isError && <ProblemAlert error={restore.error} />}
      <Modal opened={asking} onClose={() => setAsking(false)} title="Delete virtual machine">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            remove.mutate(undefined);
          }}
        >
          <Stack>
            <Text size="sm">
              {detail.vm?.vm_name} leaves the lists (it stays in the database and can be restored).
            </Text>
            <TextInput label="Reason" value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={500} />
            {remove.isError && <ProblemAlert error={remove.error} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setAsking(false)}>Cancel</Button>
              <Button type="submit" color="red" loading={remove.isPending}>Delete VM</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
