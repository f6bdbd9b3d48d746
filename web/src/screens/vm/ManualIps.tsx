import { useState } from 'react';
import { Button, Card, Checkbox, Group, Table, TextInput, Title } from '@mantine/core';
import { vmApi, type VmDetail } from '../../api/vm';
import { ProblemAlert, fieldError } from '../../components/States';
import { useManualChange } from './useManualChange';
import { RowsTable } from '../../components/ResultTable';

type ManualIp = NonNullable<VmDetail['manual_ips']>[number];

/** IPs entered by hand (beside the synced NIC addresses); editors add and remove them. */
export function ManualIps({ vmId, ips, editable }: { vmId: number; ips: ManualIp[]; editable: boolean }) {
  const empty = { ip_address: '', label: '', is_primary: false };
  const [input, setInput] = useState(empty);
  const add = useManualChange(
    () => vmApi.addIp(vmId, { ip_address: input.ip_address.trim(), label: input.label.trim() || undefined, is_primary: input.is_primary }),
    () => setInput(empty),
  );
  const remove = useManualChange((ipId: number) => vmApi.removeIp(vmId, ipId));
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">Manual IP addresses</Title>
      <RowsTable rows={ips} label="Manual IP addresses" empty="No IP address entered by hand."
        headers={['IP address', 'Label', 'Primary', ...(editable ? ['Actions'] : [])]}
        rowKey={(ip) => ip.id}
        row={(ip) => (
          <>
            <Table.Td>{ip.ip_address}</Table.Td>
            <Table.Td>{ip.label ?? '—'}</Table.Td>
            <Table.Td>{ip.is_primary ? 'yes' : 'no'}</Table.Td>
            {editable && (
              <Table.Td>
                <Button size="xs" variant="light" color="red" aria-label={`Remove IP ${ip.ip_address}`}
                  onClick={() => remove.mutate(ip.id ?? 0)}>Remove</Button>
              </Table.Td>
            )}
          </>
        )} />
      {editable && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate(undefined);
          }}
        >
          <Group align="end" mt="xs">
            <TextInput label="New IP address" value={input.ip_address} maxLength={45}
              onChange={(e) => setInput({ ...input, ip_address: e.currentTarget.value })}
              error={fieldError(add.error, 'ip_address')} />
            <TextInput label="IP label" value={input.label} maxLength={100}
              onChange={(e) => setInput({ ...input, label: e.currentTarget.value })} />
            <Checkbox label="Primary" checked={input.is_primary} mb={8}
              onChange={(e) => setInput({ ...input, is_primary: e.currentTarget.checked })} />
            <Button type="submit" variant="default" loading={add.isPending} disabled={!input.ip_address.trim()}>Add IP</Button>
          </Group>
        </form>
      )}
      {add.isError && <ProblemAlert error={add.error} />}
      {remove.isError && <ProblemAlert error={remove.error} />}
    </Card>
  );
}
