import { useMemo } from 'react';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { CERT_STATUSES, certApi, type Certificate } from '../../api/cert';
import { ChoiceFilter, DayFilter, ListTable, SearchFilter, listFeatures, useListParams, type ListParams } from '../../components/List';
import { QueryView } from '../../components/Query';
import { Empty, ProblemAlert } from '../../components/States';
import { saveBlob } from '../../components/saveBlob';
import { dayStart, formatTime } from '../../components/time';
import { CertLink, StatusBadge, cnOf, daysLeft, describeDays } from './common';

const TEXT_FILTERS = ['q', 'status', 'san', 'host', 'issuer__ic'];
const SORTABLE = ['common_name', 'not_after', 'status'];

/**
 * The API filters of the list: the text filters as they are in the URL, and the days
 * `expires_after`/`expires_before` (YYYY-MM-DD in the URL) as the instants their days start.
 */
export function certificateFilters(list: ListParams): Record<string, string | undefined> {
  return {
    ...Object.fromEntries(TEXT_FILTERS.map((name) => [name, list.get(name)])),
    expires_after: dayStart(list.get('expires_after')),
    expires_before: dayStart(list.get('expires_before')),
  };
}

const helper = createColumnHelper<typeof listFeatures, Certificate>();

/** SANs of a row: the first three values, and how many more. */
function sanSummary(c: Certificate): string {
  const sans = c.sans ?? [];
  if (sans.length === 0) return '—';
  const shown = sans.slice(0, 3).map((s) => s.value).join(', ');
  return sans.length > 3 ? `${shown} +${sans.length - 3}` : shown;
}

/** Certificates with the API's filters in the URL, paging and the CSV export of the same filters. */
export default function Certificates() {
  const list = useListParams('not_after');
  const filters = certificateFilters(list);
  const query = { ...list.query([]), ...filters };
  const certificates = useQuery({ queryKey: ['cert', 'certificates', query], queryFn: () => certApi.certificates.list(query), placeholderData: keepPreviousData });
  const exportCsv = useMutation({ mutationFn: async () => saveBlob(await certApi.exportCsv({ ...filters, ordering: list.ordering }), 'certificates.csv') });

  const columns = useMemo(() => helper.columns([
    helper.accessor('common_name', { id: 'common_name', header: 'Common name', cell: (c) => <CertLink id={c.row.original.id} name={c.getValue() || c.row.original.subject_dn} /> }),
    helper.display({ id: 'sans', header: 'SANs', cell: (c) => sanSummary(c.row.original) }),
    helper.accessor('issuer_dn', { id: 'issuer', header: 'Issuer', cell: (c) => cnOf(c.getValue()) }),
    helper.accessor('not_after', { id: 'not_after', header: 'Ends', cell: (c) => formatTime(c.getValue()) }),
    helper.display({ id: 'left', header: 'Left', cell: (c) => describeDays(daysLeft(c.row.original.not_after)) }),
    helper.accessor('status', { id: 'status', header: 'Status', cell: (c) => <StatusBadge status={c.getValue()} /> }),
    helper.accessor('source', { id: 'source', header: 'Source' }),
  ]), []);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Certificates</Title>
        <Button variant="default" onClick={() => exportCsv.mutate()} loading={exportCsv.isPending}>Export CSV</Button>
      </Group>
      {exportCsv.isError && <ProblemAlert error={exportCsv.error} />}
      <Group align="end">
        <SearchFilter list={list} placeholder="Name, DN, thumbprint, serial…" />
        <ChoiceFilter list={list} name="status" label="Status" data={CERT_STATUSES} />
        <DayFilter list={list} name="expires_after" label="Ends on or after" />
        <DayFilter list={list} name="expires_before" label="Ends before" />
        <SearchFilter list={list} name="san" label="SAN" placeholder="www.example.com" />
        <SearchFilter list={list} name="host" label="Host" placeholder="Name or address" />
        <SearchFilter list={list} name="issuer__ic" label="Issuer contains" />
      </Group>
      <QueryView query={certificates}>
        {(page) => (page.count ?? 0) === 0
          ? <Empty>No certificate matches these filters.</Empty>
          : <ListTable label="Certificates" columns={columns} rows={page.results ?? []} count={page.count ?? 0} list={list} sortable={SORTABLE} noun="certificates" minWidth={1000} />}
      </QueryView>
      <Text size="sm">SAN and host filters match exactly (any SAN; a bound host's name or address), case-insensitively.</Text>
    </Stack>
  );
}
