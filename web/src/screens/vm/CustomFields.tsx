import { useState } from 'react';
import { Button, Card, Group, Table, TextInput, Title } from '@mantine/core';
import { vmApi } from '../../api/vm';
import { Empty, ProblemAlert } from '../../components/States';
import { useManualChange } from './useManualChange';

/** Free key/value fields of a VM; editors set (a known key replaces its value) and remove them. */
export function CustomFields({ vmId, fields, editable }: { vmId: number; fields: Record<string, string>; editable: boolean }) {
  const [input, setInput] = useState({ key: '', value: '' });
  const change = useManualChange(
    (patch: Record<string, string | null>) => vmApi.customFields(vmId, patch),
    () => setInput({ key: '', value: '' }),
  );
  const entries = Object.entries(fields).sort(([a], [b]) => a.localeCompare(b));
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">Custom fields</Title>
      {entries.length === 0 ? (
        <Empty>No custom field.</Empty>
      ) : (
        <Table aria-label="Custom fields">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Field</Table.Th>
              <Table.Th>Value</Table.Th>
              {editable && <Table.Th>Actions</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map(([key, value]) => (
              <Table.Tr key={key}>
                <Table.Td>{key}</Table.Td>
                <Table.Td>{value}</Table.Td>
                {editable && (
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button size="xs" variant="light" aria-label={`Edit field ${key}`}
                        onClick={() => setInput({ key, value })}>Edit</Button>
                      <Button size="xs" variant="light" color="red" aria-label={`Remove field ${key}`}
                        onClick={() => change.mutate({ [key]: null })}>Remove</Button>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editable && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            change.mutate({ [input.key.trim()]: input.value });
          }}
        >
          <Group align="end" mt="xs">
            <TextInput label="Field name" value={input.key} maxLength={100}
              onChange={(e) => setInput({ ...input, key: e.currentTarget.value })} />
            <TextInput label="Field value" value={input.value}
              onChange={(e) => setInput({ ...input, value: e.currentTarget.value })} />
            <Button type="submit" variant="default" loading={change.isPending} disabled={!input.key.trim()}>Set field</Button>
          </Group>
        </form>
      )}
      {change.isError && <ProblemAlert error={change.error} />}
    </Card>
  );
}
