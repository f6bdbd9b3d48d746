import { useState } from 'react';
import { Alert, Button, FileInput, Group, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { certApi } from '../../api/cert';
import { ProblemAlert } from '../../components/States';
import { CertLink } from './common';

/**
 * Upload of a PEM, DER or PKCS#7 file, or a pasted PEM chain: what each certificate became
 * (added, already known, ignored by a pattern) and the domains it secures; a refused upload's
 * problem (400: nothing was kept).
 */
export default function Upload() {
  const [file, setFile] = useState<File | null>(null);
  const [pem, setPem] = useState('');
  const client = useQueryClient();
  const send = useMutation({
    mutationFn: () => certApi.upload(file ?? pem),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['cert'] }),
  });
  const result = send.data;
  return (
    <Stack maw={1000}>
      <Title order={2}>Upload certificates</Title>
      <Text size="sm">A file (PEM, DER or a PKCS#7 bundle) or a pasted PEM chain. The whole upload is read first: when any part is bad, nothing is kept. Private keys are refused.</Text>
      <FileInput label="Certificate file" accept=".pem,.crt,.cer,.der,.p7b,.p7c" clearable clearButtonProps={{ 'aria-label': 'Clear file' }} placeholder="Choose a file"
        value={file} onChange={(f) => { setFile(f); send.reset(); }} />
      <Textarea label="Or paste PEM" description="One or more -----BEGIN CERTIFICATE----- blocks; used when no file is chosen."
        value={pem} onChange={(e) => { setPem(e.currentTarget.value); send.reset(); }} rows={8} disabled={file !== null}
        styles={{ input: { fontFamily: 'monospace' } }} />
      <Group>
        <Button onClick={() => send.mutate()} loading={send.isPending} disabled={!file && !pem.trim()}>Upload</Button>
      </Group>
      {send.isError && <ProblemAlert error={send.error} />}
      {result && (
        <Stack gap="xs">
          <Alert variant="default" role="status" title="Uploaded">
            {result.created} added, {result.existing} already known, {result.ignored} ignored.
          </Alert>
          <Table striped aria-label="Uploaded certificates">
            <Table.Thead><Table.Tr><Table.Th>Certificate</Table.Th><Table.Th>Outcome</Table.Th><Table.Th>Domains</Table.Th><Table.Th>SHA-256</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {result.certificates.map((c) => (
                <Table.Tr key={c.sha256_thumbprint}>
                  <Table.Td>{c.id ? <CertLink id={c.id} name={c.common_name} /> : c.common_name ?? '—'}</Table.Td>
                  <Table.Td>{c.outcome === 'ignored' ? `ignored${c.ignored_by ? ` (pattern #${c.ignored_by})` : ''}` : c.outcome === 'created' ? 'added' : 'already known'}</Table.Td>
                  <Table.Td>{(c.domains ?? []).join(', ') || '—'}</Table.Td>
                  <Table.Td><code title={c.sha256_thumbprint}>{c.sha256_thumbprint.slice(0, 16)}…</code></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Stack>
  );
}
