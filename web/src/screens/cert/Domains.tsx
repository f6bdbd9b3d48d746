import { useMemo } from 'react';
import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { Link } from 'react-router';
import { DNS_RESULTS, RDAP_RESULTS, certApi, type Domain } from '../../api/cert';
import { ChoiceFilter, DayFilter, ListTable, SearchFilter, dayRange, listFeatures, useListParams, type ListParams } from '../../components/List';
import { QueryView } from '../../components/Query';
import { Empty, ProblemAlert } from '../../components/States';
import { saveBlob } from '../../components/saveBlob';
import { formatTime } from '../../components/time';
import { DnsBadge, RdapBadge, daysLeft, describeDays } from './common';

const TEXT_FILTERS = ['q', 'rdap_result', 'dns_result', 'registrar__ic'];
const SORTABLE = ['name', 'registrar', 'expires_at'];

/** The API filters of the list: the text filters, "registrable only" and the expiry days. */
export function domainFilters(list: ListParams): Record<string, string | undefined> {
  return {
    ...Object.fromEntries(TEXT_FILTERS.map((name) => [name, list.get(name)])),
    parent_id__empty: list.get('registrable') === 'yes' ? 'true' : undefined,
    ...dayRange(list, 'expires_at'),
  };
}

const helper = createColumnHelper<typeof listFeatures, Domain>();

/** Domains with their registration (RDAP) and DNS state; filters in the URL, paging, CSV export. */
export default function Domains() {
  const list = useListParams('name');
  const filters = domainFilters(list);
  const query = { ...list.query([]), ...filters };
  const domains = useQuery({ queryKey: ['cert', 'domains', query], queryFn: () => certApi.domains.list(query), placeholderData: keepPreviousData });
  const exportCsv = useMutation({ mutationFn: async () => saveBlob(await certApi.exportDomainsCsv({ ...filters, ordering: list.ordering }), 'domains.csv') });

  const columns = useMemo(() => helper.columns([
    helper.accessor('name', { id: 'name', header: 'Name', cell: (c) => <Anchor component={Link} to={`/certs/domains/${c.row.original.id}`}>{c.getValue()}</Anchor> }),
    helper.accessor('parent_name', { id: 'parent', header: 'Parent', cell: (c) => c.getValue() ?? '—' }),
    helper.display({ id: 'registrar', header: 'Registrar', cell: (c) => c.row.original.registration?.registrar ?? '—' }),
    helper.display({ id: 'expires_at', header: 'Registration ends', cell: (c) => {
      const ends = c.row.original.registration?.expires_at;
      return ends ? `${formatTime(ends)} (${describeDays(daysLeft(ends))})` : '—';
    } }),
    helper.display({ id: 'rdap', header: 'RDAP', cell: (c) => c.row.original.registrable ? <RdapBadge result={c.row.original.registration?.result} /> : <Text span size="sm">subdomain</Text> }),
    helper.display({ id: 'dns', header: 'DNS', cell: (c) => <DnsBadge result={c.row.original.dns?.result} /> }),
    helper.display({ id: 'certificates', header: 'Certificates', cell: (c) => (c.row.original.certificate_ids ?? []).length }),
  ]), []);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Domains</Title>
        <Button variant="default" onClick={() => exportCsv.mutate()} loading={exportCsv.isPending}>Export CSV</Button>
      </Group>
      {exportCsv.isError && <ProblemAlert error={exportCsv.error} />}
      <Group align="end">
        <SearchFilter list={list} placeholder="Name, registrar, notes…" />
        <ChoiceFilter list={list} name="registrable" label="Registrable only" data={['yes']} />
        <SearchFilter list={list} name="registrar__ic" label="Registrar contains" />
        <ChoiceFilter list={list} name="rdap_result" label="RDAP result" data={RDAP_RESULTS} />
        <ChoiceFilter list={list} name="dns_result" label="DNS result" data={DNS_RESULTS} />
        <DayFilter list={list} name="expires_at_from" label="Registration ends from" />
        <DayFilter list={list} name="expires_at_to" label="Registration ends by" />
      </Group>
      <QueryView query={domains}>
        {(page) => (page.count ?? 0) === 0
          ? <Empty>No domain matches these filters.</Empty>
          : <ListTable label="Domains" columns={columns} rows={page.results ?? []} count={page.count ?? 0} list={list} sortable={SORTABLE} noun="domains" minWidth={1000} />}
      </QueryView>
      <Text size="sm" component="div">Domains come from the DNS names of certificates (and their parents) or are added by hand. Registration data are read over RDAP for registrable domains only; rows marked “subdomain” share their parent's.</Text>
    </Stack>
  );
}
