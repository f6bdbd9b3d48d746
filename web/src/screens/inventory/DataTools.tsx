import { useState } from 'react';
import { Alert, Button, FileInput, Group, Modal, SegmentedControl, Stack, Table, Tabs, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/client';
import { dataApi, type BackupInfo, type ImportKind, type ImportResult, type RestoreResult } from '../../api/inventory';
import { QueryView } from '../../components/Query';
import { Empty, ProblemAlert } from '../../components/States';
import { saveBlob } from '../../components/saveBlob';
import { formatTime } from '../../components/time';

const KINDS: ImportKind[] = ['assets', 'racks', 'models'];

/** The rows of a refused import, one table row per bad cell or line, by line. */
function ImportErrors({ error }: { error: ApiError }) {
  const rows = [...error.errors].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return (
    <Stack gap="xs">
      <Alert color="red" variant="light" title={`${error.title} (${error.status})`} role="alert">
        {error.detail ?? 'The file has errors; nothing was written.'}
      </Alert>
      <Table striped aria-label="Import errors">
        <Table.Thead>
          <Table.Tr><Table.Th>Line</Table.Th><Table.Th>Column</Table.Th><Table.Th>Field</Table.Th><Table.Th>Message</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((e, i) => (
            <Table.Tr key={`${e.line}:${e.column}:${i}`}>
              <Table.Td>{e.line ?? '—'}</Table.Td>
              <Table.Td>{e.column ?? '—'}</Table.Td>
              <Table.Td>{e.field ?? '—'}</Table.Td>
              <Table.Td>{e.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function importSummary(result: ImportResult): string {
  const counts = `${result.rows} rows: ${result.created} to create, ${result.updated} to update`;
  return result.dry_run ? `Dry run of ${result.kind}: ${counts}. Nothing was written.` : `Imported ${result.kind}: ${result.rows} rows, ${result.created} created, ${result.updated} updated.`;
}

/** CSV import: a file or pasted text, a dry run, then the import; every bad line in a table. */
export function CsvImport() {
  const [kind, setKind] = useState<ImportKind>('assets');
  const [csv, setCsv] = useState('');
  const client = useQueryClient();
  const run = useMutation({
    mutationFn: (dryRun: boolean) => dataApi.importCsv(kind, csv, dryRun),
    onSuccess: (result) => {
      if (!result.dry_run) void client.invalidateQueries({ queryKey: ['inventory'] });
    },
  });
  return (
    <Stack maw={900}>
      <Text size="sm">
        One row per {kind.replace(/s$/, '')}; a row with an <code>id</code> (or the natural key) updates, others create.
        All rows are written together or, when any line is bad, none.
      </Text>
      <SegmentedControl aria-label="What to import" data={KINDS.map((k) => ({ value: k, label: k[0].toUpperCase() + k.slice(1) }))}
        value={kind} onChange={(v) => { setKind(v as ImportKind); run.reset(); }} />
      <FileInput label="CSV file" accept=".csv,text/csv" clearable clearButtonProps={{ 'aria-label': 'Clear the CSV file' }} placeholder="Choose a file"
        onChange={(file) => { run.reset(); void file?.text().then(setCsv); }} />
      <Textarea label="CSV content" description="The chosen file's content; you can also paste or correct it here."
        value={csv} onChange={(e) => { setCsv(e.currentTarget.value); run.reset(); }} rows={8} styles={{ input: { fontFamily: 'monospace' } }} />
      <Group>
        <Button variant="default" onClick={() => run.mutate(true)} loading={run.isPending && run.variables} disabled={!csv.trim()}>Dry run</Button>
        <Button onClick={() => run.mutate(false)} loading={run.isPending && !run.variables} disabled={!csv.trim()}>Import</Button>
      </Group>
      {run.isSuccess && <Alert color="green" variant="light" role="status" title={run.data.dry_run ? 'Dry run passed' : 'Imported'}>{importSummary(run.data)}</Alert>}
      {run.isError && (run.error instanceof ApiError && run.error.status === 400 && run.error.errors.length > 0
        ? <ImportErrors error={run.error} />
        : <ProblemAlert error={run.error} />)}
    </Stack>
  );
}

/** A restore's (or verification's) manifest: schema version and rows per table. */
function Manifest({ result }: { result: RestoreResult }) {
  return (
    <Stack gap="xs">
      <Text size="sm">Schema version <code>{result.schema_version}</code>{result.dry_run ? ' · dry run: nothing was changed' : ''}</Text>
      <Table striped aria-label="Archive manifest">
        <Table.Thead><Table.Tr><Table.Th>Table</Table.Th><Table.Th>Rows in archive</Table.Th><Table.Th>Rows replaced</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {Object.entries(result.rows ?? {}).map(([table, rows]) => (
            <Table.Tr key={table}><Table.Td>{table}</Table.Td><Table.Td>{rows}</Table.Td><Table.Td>{result.replaced?.[table] ?? 0}</Table.Td></Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

const megabytes = (bytes?: number) => `${((bytes ?? 0) / 1_000_000).toFixed(2)} MB`;

/** Backups: create, list, download, verify (a restore dry run of the stored archive); restore an upload after a dry run. */
export function Backups() {
  const client = useQueryClient();
  const backups = useQuery({ queryKey: ['inventory', 'backups'], queryFn: dataApi.backups });
  const create = useMutation({ mutationFn: dataApi.createBackup, onSuccess: () => void client.invalidateQueries({ queryKey: ['inventory', 'backups'] }) });
  const [verified, setVerified] = useState<{ name: string; result?: RestoreResult; error?: unknown }>();
  const verify = useMutation({
    mutationFn: async (b: BackupInfo) => dataApi.restore(await dataApi.downloadBackup(b.name ?? ''), true),
    onSuccess: (result, b) => setVerified({ name: b.name ?? '', result }),
    onError: (error, b) => setVerified({ name: b.name ?? '', error }),
  });
  const fetchFile = useMutation({ mutationFn: async (b: BackupInfo) => saveBlob(await dataApi.downloadBackup(b.name ?? ''), b.name ?? 'backup.zip') });
  const [archive, setArchive] = useState<File | null>(null);
  const [confirming, setConfirming] = useState(false);
  const restore = useMutation({
    mutationFn: (dryRun: boolean) => dataApi.restore(archive as Blob, dryRun),
    onSuccess: (result) => {
      setConfirming(false);
      if (!result.dry_run) void client.invalidateQueries({ queryKey: ['inventory'] });
    },
  });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3} size="h4">Backups</Title>
        <Button onClick={() => create.mutate()} loading={create.isPending}>Create backup</Button>
      </Group>
      {create.isError && <ProblemAlert error={create.error} />}
      {fetchFile.isError && <ProblemAlert error={fetchFile.error} />}
      <QueryView query={backups}>
        {(list) => list.length === 0 ? <Empty>No backup yet.</Empty> : (
          <Table striped aria-label="Backups">
            <Table.Thead>
              <Table.Tr><Table.Th>Name</Table.Th><Table.Th>Created</Table.Th><Table.Th>Size</Table.Th><Table.Th>Rows</Table.Th><Table.Th>SHA-256</Table.Th><Table.Th>Actions</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((b) => (
                <Table.Tr key={b.name}>
                  <Table.Td>{b.name}</Table.Td>
                  <Table.Td>{formatTime(b.created_at)}</Table.Td>
                  <Table.Td>{megabytes(b.size_bytes)}</Table.Td>
                  <Table.Td>{Object.values(b.rows ?? {}).reduce((a, n) => a + n, 0)}</Table.Td>
                  <Table.Td><code title={b.sha256}>{b.sha256?.slice(0, 12)}…</code></Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button size="xs" variant="light" aria-label={`Download ${b.name}`} onClick={() => fetchFile.mutate(b)}>Download</Button>
                      <Button size="xs" variant="light" aria-label={`Verify ${b.name}`} loading={verify.isPending && verify.variables?.name === b.name}
                        onClick={() => verify.mutate(b)}>Verify</Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryView>
      <Title order={3} size="h4">Restore</Title>
      <Text size="sm">Upload an archive and run it dry first: it is verified (checksums, schema version) and its manifest shown. A restore replaces every inventory table.</Text>
      <Group align="end">
        <FileInput label="Backup archive" accept=".zip,application/zip" clearable clearButtonProps={{ 'aria-label': 'Clear the archive' }} placeholder="Choose a .zip" w={320}
          value={archive} onChange={(f) => { setArchive(f); restore.reset(); }} />
        <Button variant="default" disabled={!archive} loading={restore.isPending && restore.variables} onClick={() => restore.mutate(true)}>Dry run</Button>
        <Button color="red" disabled={!archive || !(restore.isSuccess && restore.data.dry_run)} onClick={() => setConfirming(true)}>Restore…</Button>
      </Group>
      {restore.isError && <ProblemAlert error={restore.error} />}
      {restore.isSuccess && <Manifest result={restore.data} />}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Restore inventory" closeButtonProps={{ 'aria-label': 'Close' }}>
        <Stack>
          <Text>Replace every inventory table with the archive {archive?.name}? This cannot be undone except by another restore.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>Cancel</Button>
            <Button color="red" loading={restore.isPending} onClick={() => restore.mutate(false)}>Restore</Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={verified !== undefined} onClose={() => setVerified(undefined)} title={`Verification of ${verified?.name ?? ''}`}
        closeButtonProps={{ 'aria-label': 'Close' }} size="lg">
        {verified?.result && <Manifest result={verified.result} />}
        {verified?.error !== undefined && <ProblemAlert error={verified.error} />}
      </Modal>
    </Stack>
  );
}

/** Admins' data tools of the inventory: CSV import and backups. */
export default function DataTools() {
  return (
    <Stack>
      <Title order={2}>Data tools</Title>
      <Tabs defaultValue="import" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="import">CSV import</Tabs.Tab>
          <Tabs.Tab value="backups">Backups</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="import" pt="md"><CsvImport /></Tabs.Panel>
        <Tabs.Panel value="backups" pt="md"><Backups /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
