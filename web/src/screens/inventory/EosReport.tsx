import { useState } from 'react';
import { Alert, Button, Group, NumberInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { eosApi, type EosModel } from '../../api/inventory';
import { useAuth } from '../../auth/AuthContext';
import { hasRole } from '../../auth/roles';
import { QueryView } from '../../components/Query';
import { Empty, ProblemAlert } from '../../components/States';
import { saveBlob } from '../../components/saveBlob';
import { EosBadge, today } from './EosBadge';

function ModelRows({ models }: { models: EosModel[] }) {
  return (
    <>
      {models.map((m) => (
        <Table.Tr key={m.model_id}>
          <Table.Td>{m.manufacturer} {m.model}</Table.Td>
          <Table.Td>{m.part_number ?? '—'}</Table.Td>
          <Table.Td>{m.end_of_support ? <EosBadge endOfSupport={m.end_of_support} /> : 'unknown'}</Table.Td>
          <Table.Td>{m.days_left ?? '—'}</Table.Td>
          <Table.Td>{m.asset_count}</Table.Td>
          <Table.Td>{m.sites.map((s) => `${s.site_name ?? 'no site'} (${s.asset_count})`).join(', ')}</Table.Td>
        </Table.Tr>
      ))}
    </>
  );
}

function ModelTable({ label, models }: { label: string; models: EosModel[] }) {
  return (
    <Table striped aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Model</Table.Th><Table.Th>Part number</Table.Th><Table.Th>End of support</Table.Th>
          <Table.Th>Days left</Table.Th><Table.Th>Assets</Table.Th><Table.Th>Sites</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody><ModelRows models={models} /></Table.Tbody>
    </Table>
  );
}

/**
 * The End-of-Support report: models whose support ended by the as-of date or ends within the
 * horizon, with the assets still using them; CSV download for everyone, "send now" for admins.
 */
export default function EosReport() {
  const { session } = useAuth();
  const [asOf, setAsOf] = useState(today());
  const [horizon, setHorizon] = useState<number | string>(90);
  const within = typeof horizon === 'number' ? horizon : 0;
  const report = useQuery({
    queryKey: ['inventory', 'eos', asOf, within],
    queryFn: () => eosApi.report(asOf, within),
    enabled: !!asOf && typeof horizon === 'number',
    placeholderData: keepPreviousData,
  });
  const csv = useMutation({ mutationFn: async () => saveBlob(await eosApi.csv(asOf, within), `eos-report-${asOf}.csv`) });
  const notify = useMutation({ mutationFn: () => eosApi.notify(asOf, within) });
  return (
    <Stack>
      <Title order={2}>End-of-Support report</Title>
      <Group align="end">
        <TextInput type="date" label="As of" value={asOf} onChange={(e) => setAsOf(e.currentTarget.value)} w={170} />
        <NumberInput label="Horizon (days)" min={0} max={3650} allowDecimal={false} value={horizon}
          onChange={setHorizon} w={150} />
        <Button variant="default" onClick={() => csv.mutate()} loading={csv.isPending}>Download CSV</Button>
        {hasRole(session.roles, 'admin') && <Button onClick={() => notify.mutate()} loading={notify.isPending}>Send now</Button>}
      </Group>
      {csv.isError && <ProblemAlert error={csv.error} />}
      {notify.isError && <ProblemAlert error={notify.error} />}
      {notify.isSuccess && (
        <Alert color="green" variant="light" role="status" title="Report sent">
          {(notify.data.recipients?.length ?? 0) === 0
            ? 'No recipients are configured (inventory.eos-report.recipients): nothing was sent.'
            : `Sent to ${notify.data.recipients?.join(', ')}: ${notify.data.models} models, ${notify.data.assets} assets.`}
        </Alert>
      )}
      <QueryView query={report}>
        {(r) => (
          <Stack>
            <Text size="sm">
              As of {r.as_of}, horizon {r.horizon}: {r.totals.models} models with {r.totals.assets} assets past or near end of support;
              {' '}{r.totals.unknown_models} models with {r.totals.unknown_assets} assets have no end-of-support date.
            </Text>
            {r.models.length === 0 ? <Empty>No model in use reaches its end of support by {r.horizon}.</Empty> : <ModelTable label="Models past or near end of support" models={r.models} />}
            {r.unknown_end_of_support.length > 0 && (
              <>
                <Title order={3} size="h4">Unknown end of support</Title>
                <ModelTable label="Models with unknown end of support" models={r.unknown_end_of_support} />
              </>
            )}
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}
