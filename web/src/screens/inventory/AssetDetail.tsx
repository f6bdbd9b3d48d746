import { useState, type ReactNode } from 'react';
import { Anchor, Button, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { assetApi } from '../../api/inventory';
import { useAuth } from '../../auth/AuthContext';
import { hasRole } from '../../auth/roles';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { QueryView } from '../../components/Query';
import { formatTime } from '../../components/time';
import { AssetForm } from './AssetForm';
import { EosBadge, WarrantyBadge } from './EosBadge';
import { placeOf } from './Assets';

/** One asset: its fields, the model's end-of-support state, warranty, custom fields; edit for editors, delete for admins. */
export default function AssetDetail() {
  const id = Number(useParams().id);
  const { session } = useAuth();
  const navigate = useNavigate();
  const asset = useQuery({ queryKey: ['inventory', 'assets', 'one', id], queryFn: () => assetApi.get(id) });
  const modelId = asset.data?.model_id;
  const model = useQuery({ queryKey: ['inventory', 'models', modelId], queryFn: () => assetApi.model(modelId ?? 0), enabled: modelId !== undefined });
  const [dialog, setDialog] = useState<'edit' | 'delete' | null>(null);
  return (
    <QueryView query={asset}>
      {(a) => {
        const name = a.hostname || a.asset_tag || `#${a.id}`;
        const rows: [string, ReactNode][] = [
          ['Asset tag', a.asset_tag ?? '—'],
          ['Serial', a.serial ?? '—'],
          ['Model', `${a.manufacturer_name ?? ''} ${a.model_name ?? ''} (${a.u_height}U${a.is_full_depth ? ', full depth' : ''})`],
          ['Status', a.status],
          ['Place', a.rack_id ? <Anchor component={Link} to={`/racks/${a.rack_id}`}>{placeOf(a)}</Anchor> : placeOf(a)],
          ['Management IP', a.mgmt_ip ?? '—'],
          ['Other IPs', a.other_ips?.join(', ') || '—'],
          ['Owner', a.owner ?? '—'],
          ['Purchase date', a.purchase_date ?? '—'],
          ['Tags', a.tags?.join(', ') || '—'],
          ['Notes', a.notes ?? '—'],
          ['Updated', formatTime(a.updated_at)],
        ];
        const custom = Object.entries(a.custom_fields ?? {});
        return (
          <Stack>
            <Anchor component={Link} to="/assets" size="sm">Assets</Anchor>
            <Group justify="space-between">
              <Title order={2}>{name}</Title>
              <Group>
                {hasRole(session.roles, 'editor') && <Button onClick={() => setDialog('edit')}>Edit</Button>}
                {hasRole(session.roles, 'admin') && <Button color="red" variant="light" onClick={() => setDialog('delete')}>Delete</Button>}
              </Group>
            </Group>
            <Group>
              {model.data && <EosBadge endOfSupport={model.data.end_of_support} />}
              <WarrantyBadge warrantyEnd={a.warranty_end} />
            </Group>
            <Table aria-label="Asset details" maw={800}>
              <Table.Tbody>
                {rows.map(([label, value]) => (
                  <Table.Tr key={label}><Table.Th w={200}>{label}</Table.Th><Table.Td>{value}</Table.Td></Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Title order={3} size="h4">Custom fields</Title>
            {custom.length === 0 ? <Text size="sm">None.</Text> : (
              <Table aria-label="Custom fields" maw={800}>
                <Table.Tbody>
                  {custom.map(([key, value]) => (
                    <Table.Tr key={key}><Table.Th w={200}>{key}</Table.Th><Table.Td>{String(value)}</Table.Td></Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <Modal opened={dialog !== null} onClose={() => setDialog(null)} size="lg" closeButtonProps={{ 'aria-label': 'Close' }}
              title={dialog === 'edit' ? `Edit ${name}` : `Delete ${name}`}>
              {dialog === 'edit' && <AssetForm asset={a} onDone={() => setDialog(null)} />}
              {dialog === 'delete' && (
                <ConfirmDelete message={`Delete asset ${name}? Its placement and history entries stay in the audit log.`} confirm="Delete asset"
                  remove={() => assetApi.remove(a.id ?? 0, a.version ?? 0)} invalidates={['inventory', 'assets']}
                  onDone={() => { setDialog(null); void navigate('/assets'); }} />
              )}
            </Modal>
          </Stack>
        );
      }}
    </QueryView>
  );
}
