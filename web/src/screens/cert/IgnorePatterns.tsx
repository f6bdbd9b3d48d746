import { useState } from 'react';
import { Button, Card, Group, Modal, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { MATCH_TYPES, certApi, type IgnoreKind, type IgnorePattern, type MatchType } from '../../api/cert';
import { useAuth } from '../../auth/AuthContext';
import { hasRole } from '../../auth/roles';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { QueryView } from '../../components/Query';
import { Empty, fieldError } from '../../components/States';
import { DialogForm, useSave } from '../../components/Form';

const KINDS: { kind: IgnoreKind; title: string; noun: string; hint: string }[] = [
  { kind: 'ignored-domains', title: 'Ignored domains', noun: 'domain pattern', hint: 'Names not associated as domains (tried on the normalised name and the SAN as written).' },
  { kind: 'ignored-certificates', title: 'Ignored certificates', noun: 'certificate pattern', hint: 'Certificates that uploads and scans do not keep (tried on the common name, subject DN and SHA-256 thumbprint).' },
];

/** A new pattern: text, how it matches (exact, glob, regex) and why. A bad regex is the API's 400. */
function PatternForm({ kind, onDone }: { kind: IgnoreKind; onDone: () => void }) {
  const [pattern, setPattern] = useState('');
  const [matchType, setMatchType] = useState<MatchType>('glob');
  const [reason, setReason] = useState('');
  const save = useSave(
    () => certApi.ignore(kind).create({ pattern: pattern.trim(), match_type: matchType, reason: reason.trim() || undefined }),
    ['cert', kind],
    onDone,
  );
  return (
    <DialogForm save={save} onCancel={onDone} submit="Add pattern" disabled={!pattern.trim()}>
      <TextInput label="Pattern" required value={pattern} onChange={(e) => setPattern(e.currentTarget.value)} error={fieldError(save.error, 'pattern')}
        description="exact: the whole value; glob: * and ?; regex: a Java regular expression matching the whole value" />
      <Select label="Match type" data={MATCH_TYPES} value={matchType} allowDeselect={false} onChange={(v) => setMatchType((v ?? 'glob') as MatchType)} />
      <TextInput label="Reason" value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
    </DialogForm>
  );
}

function PatternList({ kind, title, noun, hint, editor }: (typeof KINDS)[number] & { editor: boolean }) {
  const patterns = useQuery({ queryKey: ['cert', kind], queryFn: () => certApi.ignore(kind).list({ limit: 1000 }) });
  const [dialog, setDialog] = useState<{ remove?: IgnorePattern } | null>(null);
  const close = () => setDialog(null);
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4">{title}</Title>
        {editor && <Button size="xs" onClick={() => setDialog({})} aria-label={`New ${noun}`}>New pattern</Button>}
      </Group>
      <Text size="sm" mb="xs">{hint}</Text>
      <QueryView query={patterns}>
        {(page) => (page.results ?? []).length === 0 ? <Empty>No pattern.</Empty> : (
          <Table aria-label={title}>
            <Table.Thead><Table.Tr><Table.Th>Pattern</Table.Th><Table.Th>Match</Table.Th><Table.Th>Reason</Table.Th>{editor && <Table.Th>Actions</Table.Th>}</Table.Tr></Table.Thead>
            <Table.Tbody>
              {(page.results ?? []).map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td><code>{p.pattern}</code></Table.Td>
                  <Table.Td>{p.match_type}</Table.Td>
                  <Table.Td>{p.reason ?? '—'}</Table.Td>
                  {editor && (
                    <Table.Td>
                      <Button size="xs" variant="light" color="red" aria-label={`Delete ${p.pattern}`} onClick={() => setDialog({ remove: p })}>Delete</Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryView>
      <Modal opened={dialog !== null} onClose={close} closeButtonProps={{ 'aria-label': 'Close' }} title={dialog?.remove ? `Delete ${noun}` : `New ${noun}`}>
        {dialog && !dialog.remove && <PatternForm kind={kind} onDone={close} />}
        {dialog?.remove && (
          <ConfirmDelete message={`Delete the pattern ${dialog.remove.pattern}? What it kept out is not added back; later uploads and scans keep matching names again.`}
            confirm="Delete pattern" remove={() => certApi.ignore(kind).remove(dialog.remove?.id ?? 0, dialog.remove?.version ?? 0)}
            invalidates={['cert', kind]} onDone={close} />
        )}
      </Modal>
    </Card>
  );
}

/** Ignore patterns of domains and of certificates: list, create and delete (editors). */
export default function IgnorePatterns() {
  const { session } = useAuth();
  const editor = hasRole(session.roles, 'editor');
  return (
    <Stack>
      <Title order={2}>Ignore patterns</Title>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        {KINDS.map((k) => <PatternList key={k.kind} {...k} editor={editor} />)}
      </SimpleGrid>
    </Stack>
  );
}
