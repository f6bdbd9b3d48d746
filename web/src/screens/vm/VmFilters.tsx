import { useState } from 'react';
import { Button, Group, Select, SimpleGrid } from '@mantine/core';
import { ChoiceFilter, SearchFilter, type ListParams } from '../../components/List';

/** Choice filters of the API, each under its API name. */
const CHOICES: [string, string, string[]][] = [
  ['platform', 'Platform', ['nutanix', 'vmware', 'other']],
  ['power_state', 'Power state', ['on', 'off', 'suspended', 'paused', 'unknown']],
  ['os_family', 'OS family', ['linux', 'windows', 'other']],
];

/** Text filters behind "More filters": API name (with its lookup) and label. */
const MORE: [string, string][] = [
  ['tag', 'Tag'],
  ['owner', 'Owner (name or e-mail)'],
  ['cluster__ic', 'Cluster contains'],
  ['host__ic', 'Host contains'],
  ['network', 'Network (name or id)'],
  ['ip', 'IP address'],
  ['project__ic', 'Project contains'],
  ['environment', 'Environment'],
  ['source', 'Source'],
  ['total_vcpus__gte', 'vCPUs at least'],
  ['memory_mb__gte', 'Memory (MB) at least'],
];

/** Every filter parameter these controls set (all kept in the URL under the API's names). */
export const FILTER_NAMES = ['q', ...CHOICES.map(([n]) => n), ...MORE.map(([n]) => n), 'deleted'];

/**
 * The VM list's filters as form controls; each writes the URL parameter the API reads, so a
 * bookmarked URL and the controls always agree. Filters typed into the URL by hand that have no
 * control still apply (the list sends every URL parameter).
 */
export function VmFilters({ list, showDeleted }: { list: ListParams; showDeleted: boolean }) {
  const moreSet = MORE.some(([name]) => list.get(name)) || list.get('deleted') !== undefined;
  const [more, setMore] = useState(moreSet);
  const anySet = FILTER_NAMES.some((name) => list.get(name) !== undefined);
  return (
    <>
      <Group align="end">
        <SearchFilter list={list} placeholder="Name, IP, host, project…" />
        {CHOICES.map(([name, label, data]) => (
          <ChoiceFilter key={name} list={list} name={name} label={label} data={data} />
        ))}
        <Button variant="default" onClick={() => setMore(!more)} aria-expanded={more} aria-controls="vm-more-filters">
          {more ? 'Fewer filters' : 'More filters'}
        </Button>
        {anySet && (
          <Button variant="subtle" onClick={() => list.update(Object.fromEntries(FILTER_NAMES.map((n) => [n, undefined])))}>
            Clear filters
          </Button>
        )}
      </Group>
      {more && (
        <SimpleGrid id="vm-more-filters" cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          {MORE.map(([name, label]) => (
            <SearchFilter key={name} list={list} name={name} label={label} />
          ))}
          {showDeleted && (
            <Select
              label="Deleted VMs"
              data={[
                { value: 'false', label: 'Hide deleted' },
                { value: 'true', label: 'Only deleted' },
              ]}
              value={list.get('deleted') ?? 'false'}
              onChange={(value) => list.update({ deleted: value === 'true' ? 'true' : undefined })}
              allowDeselect={false}
            />
          )}
        </SimpleGrid>
      )}
    </>
  );
}
