import { useState } from 'react';
import { Badge, Button, Card, CloseButton, Group, TextInput, Title } from '@mantine/core';
import { vmApi } from '../../api/vm';
import { Empty, ProblemAlert } from '../../components/States';
import { useManualChange } from './useManualChange';

/** A VM's tags; editors add and remove them. */
export function Tags({ vmId, tags, editable }: { vmId: number; tags: string[]; editable: boolean }) {
  const [tag, setTag] = useState('');
  const add = useManualChange((value: string) => vmApi.addTag(vmId, value), () => setTag(''));
  const remove = useManualChange((value: string) => vmApi.removeTag(vmId, value));
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">Tags</Title>
      {tags.length === 0 ? (
        <Empty>No tag.</Empty>
      ) : (
        <Group gap="xs" mb="xs" role="list" aria-label="Tags">
          {tags.map((t) => (
            <Badge key={t} role="listitem" variant="default" tt="none" size="lg"
              rightSection={editable && (
                <CloseButton size="xs" aria-label={`Remove tag ${t}`} onClick={() => remove.mutate(t)} />
              )}>
              {t}
            </Badge>
          ))}
        </Group>
      )}
      {editable && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (tag.trim()) add.mutate(tag.trim());
          }}
        >
          <Group align="end">
            <TextInput label="New tag" value={tag} onChange={(e) => setTag(e.currentTarget.value)} maxLength={255} />
            <Button type="submit" variant="default" loading={add.isPending} disabled={!tag.trim()}>Add tag</Button>
          </Group>
        </form>
      )}
      {add.isError && <ProblemAlert error={add.error} />}
      {remove.isError && <ProblemAlert error={remove.error} />}
    </Card>
  );
}
