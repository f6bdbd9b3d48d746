import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { certApi } from '../../api/cert';
import { QueryView } from '../../components/Query';
import { Empty } from '../../components/States';
import { bindingLabel } from './BindingForm';
import { layoutFlows } from './flowLayout';

const NODE_W = 280;
const NODE_H = 48;
const COL_GAP = 90;
const ROW_H = 64;
const PAD = 8;

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * The binding flows (load balancer → backends) as a graph: each binding a box linking to its
 * certificate, a line to each binding behind it. Each box is a link named by its binding and what it
 * stands behind, so the graph reads as a list of links to a screen reader.
 */
export default function Flows() {
  const bindings = useQuery({ queryKey: ['cert', 'bindings', 'all'], queryFn: () => certApi.bindings.list({ limit: 1000 }) });
  return (
    <Stack>
      <Title order={2}>Binding flows</Title>
      <Text size="sm">Bindings with a parent (set on a certificate's bindings): the entry point on the left, what is behind it to the right. Each box opens its certificate.</Text>
      <QueryView query={bindings}>
        {(page) => {
          const { nodes, rows } = layoutFlows(page.results ?? []);
          if (nodes.length === 0) return <Empty>No binding has a parent binding yet: there is no flow to draw.</Empty>;
          const at = new Map(nodes.map((n) => [n.binding.id, n]));
          const x = (column: number) => PAD + column * (NODE_W + COL_GAP);
          const y = (row: number) => PAD + row * ROW_H;
          const columns = Math.max(...nodes.map((n) => n.column)) + 1;
          const width = x(columns) - COL_GAP + PAD;
          const height = y(rows) - ROW_H + NODE_H + PAD;
          return (
            <div style={{ overflowX: 'auto' }}>
              <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="group" aria-label={`Binding flows: ${nodes.length} bindings`}>
                {nodes.filter((n) => n.parentId !== undefined).map((n) => {
                  const parent = at.get(n.parentId)!;
                  const x1 = x(parent.column) + NODE_W;
                  const y1 = y(parent.row) + NODE_H / 2;
                  const x2 = x(n.column);
                  const y2 = y(n.row) + NODE_H / 2;
                  const mid = (x1 + x2) / 2;
                  return <path key={`edge-${n.binding.id}`} d={`M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}`} fill="none" stroke="var(--mantine-color-gray-6)" strokeWidth={1.5} aria-hidden="true" />;
                })}
                {nodes.map((n) => {
                  const b = n.binding;
                  const parent = n.parentId !== undefined ? at.get(n.parentId)?.binding : undefined;
                  const name = `${bindingLabel(b)}${parent ? `, behind ${bindingLabel(parent)}` : ', entry point'}`;
                  const place = `${b.host_name ?? b.ip_address ?? '?'}${b.port ? `:${b.port}` : ''} · ${b.platform}`;
                  return (
                    <Link key={b.id} id={`binding-${b.id}`} to={`/certs/certificates/${b.certificate_id}`} aria-label={name}>
                      <title>{name}</title>
                      <rect x={x(n.column)} y={y(n.row)} width={NODE_W} height={NODE_H} rx={6}
                        fill={b.platform === 'load_balancer' ? 'var(--mantine-color-blue-0)' : 'var(--mantine-color-body)'} stroke="var(--mantine-color-blue-7)" />
                      <text x={x(n.column) + 10} y={y(n.row) + 20} fontSize="13" fontWeight={700} fill="var(--mantine-color-text)">{clip(place, 36)}</text>
                      <text x={x(n.column) + 10} y={y(n.row) + 38} fontSize="12" fill="var(--mantine-color-text)">{clip(b.certificate_common_name ?? `certificate ${b.certificate_id}`, 38)}</text>
                    </Link>
                  );
                })}
              </svg>
            </div>
          );
        }}
      </QueryView>
    </Stack>
  );
}
