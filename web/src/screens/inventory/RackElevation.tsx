import { useMemo, useState, type CSSProperties } from 'react';
import { Anchor, Badge, Box, Button, Checkbox, Group, Modal, NumberInput, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  DndContext, KeyboardSensor, PointerSensor, useDraggable, useDroppable, useSensor, useSensors,
  type Announcements, type CollisionDetection, type DragEndEvent, type DragOverEvent, type DragStartEvent,
  type KeyboardCoordinateGetter,
} from '@dnd-kit/core';
import { CSS } from '@dnd-kit/utilities';
import { Link, useParams } from 'react-router';
import { inventoryApi, type Asset, type Face, type PlacementInput, type Rack } from '../../api/inventory';
import { useAuth } from '../../auth/AuthContext';
import { hasRole } from '../../auth/roles';
import { QueryView } from '../../components/Query';
import { ProblemAlert } from '../../components/States';
import {
  HALF_UNIT_PX, UNPLACED, assetLabel, coveredHalfUnits, devicesOn, groupMoves, halfUnits, mountedDevices, parseTarget, rowOf,
  rowsOf, shapeOf, slotId, unitLabel, unitRange, type Device, type DropTarget, type RackShape,
} from './rackGeometry';

const FACES: Face[] = ['front', 'rear'];
const PALETTE = ['blue', 'teal', 'grape', 'orange', 'cyan', 'lime', 'pink', 'indigo', 'yellow', 'violet'];

/** A model's colour: the same model always draws in the same colour. */
function colourOf(model: string): string {
  let hash = 0;
  for (const c of model) hash = (hash * 31 + c.charCodeAt(0)) | 0;
  return PALETTE[Math.abs(hash) % PALETTE.length];
}

function unplacedDevice(a: Asset): Device {
  return {
    asset_id: a.id ?? 0,
    label: assetLabel(a),
    model: a.model_name ?? '',
    position: Number.NaN,
    u_height: Number(a.u_height ?? 1),
    face: 'front',
    is_full_depth: a.is_full_depth ?? false,
    version: a.version,
  };
}

/**
 * The point of a drag that picks its target. An asset taken from a list (unplaced, zero-U) goes
 * where the pointer is (keyboard: the top of the dragged item); a device of the rack goes where its
 * lowest half unit is drawn while dragged, so it lands as it is drawn, whatever part was grabbed.
 */
function dropPoint(activeId: string | number, rect: { left: number; top: number; width: number; height: number; bottom: number },
  pointer: { x: number; y: number } | null | undefined): { x: number; y: number } {
  const x = pointer?.x ?? rect.left + rect.width / 2;
  if (String(activeId).endsWith(':list')) return { x, y: pointer?.y ?? rect.top + Math.min(rect.height, HALF_UNIT_PX) / 2 };
  return { x, y: rect.bottom - HALF_UNIT_PX / 2 };
}

/** Collision of a drag with the drop targets: the one target containing the drop point, if any. */
export const underPoint: CollisionDetection = ({ active, pointerCoordinates, collisionRect, droppableContainers, droppableRects }) => {
  const point = dropPoint(active.id, collisionRect, pointerCoordinates);
  for (const container of droppableContainers) {
    const rect = droppableRects.get(container.id);
    if (rect && point.x >= rect.left && point.x <= rect.right && point.y >= rect.top && point.y < rect.bottom) {
      return [{ id: container.id, data: { droppableContainer: container, value: 0 } }];
    }
  }
  return [];
};

/**
 * Keyboard moves of a picked-up device: up and down by a half unit, left and right to the next
 * column (front face, rear face, unplaced list), landing inside the rack when it comes from outside.
 */
export const rackKeyboardCoordinates: KeyboardCoordinateGetter = (event, { active, currentCoordinates, context }) => {
  const { collisionRect, droppableRects } = context;
  if (!collisionRect) return undefined;
  const rects = [...droppableRects.values()];
  if (rects.length === 0) return undefined;
  const step = HALF_UNIT_PX;
  const { x, y } = dropPoint(active, collisionRect, null);
  switch (event.code) {
    case 'ArrowUp':
      event.preventDefault();
      return { ...currentCoordinates, y: currentCoordinates.y - step };
    case 'ArrowDown':
      event.preventDefault();
      return { ...currentCoordinates, y: currentCoordinates.y + step };
    case 'ArrowLeft':
    case 'ArrowRight': {
      event.preventDefault();
      const direction = event.code === 'ArrowLeft' ? -1 : 1;
      const columns = [...new Set(rects.map((r) => r.left + r.width / 2))]
        .filter((c) => (c - x) * direction > 1)
        .sort((a, b) => Math.abs(a - x) - Math.abs(b - x));
      if (columns.length === 0) return undefined;
      const column = rects.filter((r) => r.left + r.width / 2 === columns[0]);
      const top = Math.min(...column.map((r) => r.top));
      const bottom = Math.max(...column.map((r) => r.bottom));
      const targetY = Math.min(Math.max(y, top + step / 2), bottom - step / 2);
      return { x: currentCoordinates.x + (columns[0] - x), y: currentCoordinates.y + (targetY - y) };
    }
    default:
      return undefined;
  }
};

function targetText(target: DropTarget | undefined, rack: Rack): string {
  if (!target) return 'no place';
  return target.kind === 'unplaced' ? 'the unplaced list' : `${unitLabel(target.position)} ${target.face} of ${rack.name}`;
}

/** A half-unit drop target of one face. */
function Slot({ face, value, shape, preview }: { face: Face; value: number; shape: RackShape; preview: boolean }) {
  const { setNodeRef } = useDroppable({ id: slotId(face, value) });
  return (
    <div
      ref={setNodeRef}
      data-slot={`${face}:${value}`}
      style={{
        gridColumn: 2,
        gridRow: rowOf(shape, value),
        // a line at the top of each unit: the upper half is `u + 0.5` when numbers grow upwards, `u` otherwise
        borderTop: Number.isInteger(value) === shape.desc_units ? '1px solid var(--mantine-color-gray-3)' : undefined,
        background: preview ? 'var(--mantine-color-green-2)' : undefined,
      }}
    />
  );
}

/** A device drawn at its units; draggable by editors on the face it is mounted on. */
function DeviceBlock({ device, face, shape, draggable }: { device: Device; face: Face; shape: RackShape; draggable: boolean }) {
  const otherFace = device.face !== face;
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({
    id: `asset:${device.asset_id}:${face}`,
    data: { device },
    disabled: !draggable || otherFace,
  });
  const { start, span } = rowsOf(shape, device.position, device.u_height);
  const colour = colourOf(device.model);
  const style: CSSProperties = {
    gridColumn: 2,
    gridRow: `${start} / span ${span}`,
    zIndex: isDragging ? 10 : 1,
    transform: CSS.Translate.toString(transform),
    background: otherFace
      ? `repeating-linear-gradient(45deg, var(--mantine-color-gray-1), var(--mantine-color-gray-1) 6px, var(--mantine-color-gray-2) 6px, var(--mantine-color-gray-2) 12px)`
      : `var(--mantine-color-${colour}-1)`,
    border: `1px solid var(--mantine-color-${otherFace ? 'gray' : colour}-7)`,
    borderRadius: 3,
    color: 'var(--mantine-color-black)',
    fontSize: span < 2 ? 9 : 12,
    lineHeight: `${Math.min(span * HALF_UNIT_PX - 2, 20)}px`,
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    padding: '0 6px',
    cursor: draggable && !otherFace ? 'grab' : 'default',
    boxShadow: isDragging ? '0 4px 12px rgba(0,0,0,.3)' : undefined,
  };
  const units = unitRange(device.position, device.u_height);
  const interactive = draggable && !otherFace;
  return (
    <div ref={setNodeRef} style={style} {...(interactive ? { ...attributes, ...listeners } : {})} data-device={device.label}>
      <strong>{device.label}</strong> {device.model}
      <span style={HIDDEN}>
        {`, ${units} ${device.face}${device.is_full_depth ? ', full depth' : ''}`}
      </span>
    </div>
  );
}

const HIDDEN: CSSProperties = {
  position: 'absolute', width: 1, height: 1, padding: 0, margin: -1, overflow: 'hidden',
  clip: 'rect(0, 0, 0, 0)', whiteSpace: 'nowrap', border: 0,
};

/** One face of the rack: unit numbers, half-unit slots and the devices seen from that side. */
function FaceView({ rack, face, shape, devices, editor, preview }: {
  rack: Rack; face: Face; shape: RackShape; devices: Device[]; editor: boolean; preview: Set<number> | undefined;
}) {
  const values = halfUnits(shape);
  const units = values.filter(Number.isInteger);
  return (
    <Stack gap={4}>
      <Title order={3} size="h5">{face === 'front' ? 'Front' : 'Rear'}</Title>
      <Box
        role="group"
        aria-label={`${face === 'front' ? 'Front' : 'Rear'} of rack ${rack.name}`}
        style={{
          display: 'grid',
          gridTemplateColumns: '3rem 15rem',
          gridTemplateRows: `repeat(${shape.u_height * 2}, ${HALF_UNIT_PX}px)`,
          border: '2px solid var(--mantine-color-gray-7)',
          background: 'var(--mantine-color-gray-0)',
        }}
      >
        {units.map((u) => (
          <Text key={u} size="xs" ta="right" pr={6} c="dark"
            style={{ gridColumn: 1, gridRow: `${Math.min(rowOf(shape, u), rowOf(shape, u + 0.5))} / span 2`, lineHeight: `${HALF_UNIT_PX * 2}px` }}>
            {u}
          </Text>
        ))}
        {values.map((v) => (
          <Slot key={v} face={face} value={v} shape={shape} preview={preview?.has(v) ?? false} />
        ))}
        {devicesOn(devices, face).map((d) => (
          <DeviceBlock key={`${d.asset_id}`} device={d} face={face} shape={shape} draggable={editor} />
        ))}
      </Box>
    </Stack>
  );
}

/** An asset of a list (unplaced, zero-U): a drag handle with its name and a "Place…" button. */
function ListedAsset({ device, editor, onPlace }: { device: Device; editor: boolean; onPlace?: () => void }) {
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({
    id: `asset:${device.asset_id}:list`,
    data: { device },
    disabled: !editor,
  });
  return (
    <Group gap="xs" wrap="nowrap" justify="space-between">
      <div
        ref={setNodeRef}
        {...(editor ? { ...attributes, ...listeners } : {})}
        data-device={device.label}
        style={{
          transform: CSS.Translate.toString(transform),
          zIndex: isDragging ? 10 : undefined,
          position: 'relative',
          cursor: editor ? 'grab' : 'default',
          padding: '4px 8px',
          borderRadius: 4,
          border: `1px solid var(--mantine-color-${colourOf(device.model)}-7)`,
          background: `var(--mantine-color-${colourOf(device.model)}-1)`,
          color: 'var(--mantine-color-black)',
          flex: 1,
          fontSize: 13,
        }}
      >
        <strong>{device.label}</strong> {device.model} ({device.u_height}U{device.is_full_depth ? ', full depth' : ''})
      </div>
      {editor && onPlace && (
        <Button size="compact-xs" variant="default" onClick={onPlace} aria-label={`Place ${device.label}`}>Place…</Button>
      )}
    </Group>
  );
}

function UnplacedList({ assets, editor, onPlace }: { assets: Device[]; editor: boolean; onPlace: (d: Device) => void }) {
  const { setNodeRef, isOver } = useDroppable({ id: UNPLACED });
  return (
    <Paper ref={setNodeRef} withBorder p="sm" w={340} role="region" aria-label="Unplaced assets"
      style={{ background: isOver ? 'var(--mantine-color-green-0)' : undefined }}>
      <Title order={3} size="h5" mb="xs">Unplaced assets at this site</Title>
      {assets.length === 0 ? (
        <Text size="sm">No asset of this site is waiting for a rack.</Text>
      ) : (
        <Stack gap={6}>
          {assets.map((d) => <ListedAsset key={d.asset_id} device={d} editor={editor} onPlace={() => onPlace(d)} />)}
        </Stack>
      )}
      {editor && <Text size="xs" mt="sm">Drag a device here to take it out of the rack.</Text>}
    </Paper>
  );
}

/** The non-drag way to place an asset: face and lowest unit. */
function PlaceForm({ device, rack, onPlace, pending, error, onCancel }: {
  device: Device; rack: Rack; onPlace: (target: DropTarget) => void; pending: boolean; error: unknown; onCancel: () => void;
}) {
  const [face, setFace] = useState<Face>('front');
  const [position, setPosition] = useState<number | undefined>(undefined);
  const zeroU = device.u_height === 0;
  return (
    <form onSubmit={(e) => { e.preventDefault(); onPlace({ kind: 'slot', face, position: position ?? Number.NaN }); }}>
      <Stack>
        <Text size="sm">{device.label} ({device.model}, {device.u_height}U) into rack {rack.name}.</Text>
        {!zeroU && (
          <>
            <Select label="Face" data={FACES} value={face} allowDeselect={false} onChange={(v) => setFace((v ?? 'front') as Face)} />
            <NumberInput label="Lowest unit" required min={rack.starting_unit} step={0.5} decimalScale={1}
              value={position ?? ''} onChange={(v) => setPosition(typeof v === 'number' ? v : undefined)} />
          </>
        )}
        {error !== null && error !== undefined && <ProblemAlert error={error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>Cancel</Button>
          <Button type="submit" loading={pending} disabled={!zeroU && position === undefined}>Place</Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * A rack's elevation, front and rear, and the unplaced assets of its site. Editors drag devices
 * (mouse, touch or keyboard: Space to lift, arrows to move, Space to drop, Escape to cancel)
 * within the rack, onto the other face, or into and out of the unplaced list; each drop is one
 * call of the placement API. A refused drop (409: the blocking asset and its units) is shown and
 * the device goes back to its place. Other users' moves arrive through the live updates.
 */
export default function RackElevation() {
  const id = Number(useParams().id);
  const { session } = useAuth();
  const editor = hasRole(session.roles, 'editor');
  const client = useQueryClient();
  const rack = useQuery({ queryKey: ['inventory', 'racks', id], queryFn: () => inventoryApi.rack(id) });
  const front = useQuery({ queryKey: ['inventory', 'elevation', id, 'front'], queryFn: () => inventoryApi.elevation(id, 'front') });
  const rear = useQuery({ queryKey: ['inventory', 'elevation', id, 'rear'], queryFn: () => inventoryApi.elevation(id, 'rear') });
  const siteId = rack.data?.site_id;
  const unplaced = useQuery({
    queryKey: ['inventory', 'assets', 'unplaced', siteId],
    queryFn: () => inventoryApi.assets({ site_id: siteId, rack_id__empty: true, limit: 200 }),
    enabled: siteId !== undefined,
  });

  const [active, setActive] = useState<Device | undefined>();
  const [over, setOver] = useState<DropTarget | undefined>();
  const [pending, setPending] = useState<{ device: Device; target: DropTarget } | undefined>();
  const [placing, setPlacing] = useState<Device | undefined>();

  const [selected, setSelected] = useState<Set<number>>(new Set());
  const move = useMutation({
    mutationFn: async ({ device, target, group }: { device: Device; target: DropTarget; group?: Device[] }): Promise<void> => {
      if (group && target.kind === 'slot') {
        await inventoryApi.placeAll(groupMoves(device, group, target, id));
        return;
      }
      const input: PlacementInput =
        target.kind === 'unplaced' ? {}
          : device.u_height === 0 ? { rack_id: id }
            : { rack_id: id, position: target.position, face: target.face };
      await inventoryApi.place(device.asset_id, input);
    },
    onMutate: (vars) => setPending(vars),
    onSuccess: async (_, vars) => {
      await client.invalidateQueries({ queryKey: ['inventory'] });
      setPlacing(undefined);
      if (vars.group) setSelected(new Set());
    },
    onSettled: () => setPending(undefined),
  });

  const mounted = useMemo(() => {
    const all = mountedDevices(front.data, rear.data);
    if (!pending) return all;
    const rest = all.filter((d) => d.asset_id !== pending.device.asset_id);
    const t = pending.target;
    return t.kind === 'slot' && pending.device.u_height > 0
      ? [...rest, { ...pending.device, position: t.position, face: t.face }]
      : rest;
  }, [front.data, rear.data, pending]);
  const zeroU = useMemo(() => (front.data?.zero_u ?? []).map((o) => ({
    asset_id: o.asset_id ?? 0, label: assetLabel(o), model: o.model_name ?? '', position: Number.NaN,
    u_height: Number(o.u_height ?? 0), face: o.face ?? 'front', is_full_depth: o.is_full_depth ?? false,
  } satisfies Device)), [front.data]);
  const waiting = useMemo(() => (unplaced.data?.results ?? [])
    .map(unplacedDevice)
    .filter((d) => !(pending && pending.device.asset_id === d.asset_id && pending.target.kind === 'slot')), [unplaced.data, pending]);

  const preview = (face: Face): Set<number> | undefined => {
    if (!active || over?.kind !== 'slot' || active.u_height === 0) return undefined;
    if (over.face !== face && !active.is_full_depth) return undefined;
    return new Set(coveredHalfUnits(over.position, active.u_height));
  };

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: rackKeyboardCoordinates }),
  );

  const deviceOf = (data: unknown) => (data as { device?: Device } | undefined)?.device;
  const onDragStart = (e: DragStartEvent) => {
    setActive(deviceOf(e.active.data.current));
    move.reset();
  };
  const onDragOver = (e: DragOverEvent) => setOver(parseTarget(e.over?.id));
  const onDragEnd = (e: DragEndEvent) => {
    const device = deviceOf(e.active.data.current);
    const target = parseTarget(e.over?.id);
    setActive(undefined);
    setOver(undefined);
    if (!device || !target) return;
    const unchanged = target.kind === 'unplaced'
      ? Number.isNaN(device.position) && String(e.active.id).endsWith(':list') && !zeroU.some((z) => z.asset_id === device.asset_id)
      : target.position === device.position && target.face === device.face;
    if (unchanged) return;
    const group = mounted.filter((d) => selected.has(d.asset_id));
    if (target.kind === 'slot' && selected.has(device.asset_id) && group.length > 1) move.mutate({ device, target, group });
    else move.mutate({ device, target });
  };

  const rackData = rack.data;
  const announcements: Announcements | undefined = rackData && {
    onDragStart: ({ active: a }) => `Picked up ${deviceOf(a.data.current)?.label ?? 'device'}.`,
    onDragOver: ({ active: a, over: o }) => `${deviceOf(a.data.current)?.label ?? 'Device'} is over ${targetText(parseTarget(o?.id), rackData)}.`,
    onDragEnd: ({ active: a, over: o }) => `${deviceOf(a.data.current)?.label ?? 'Device'} dropped on ${targetText(parseTarget(o?.id), rackData)}.`,
    onDragCancel: ({ active: a }) => `Moving ${deviceOf(a.data.current)?.label ?? 'device'} was cancelled.`,
  };

  return (
    <QueryView query={rack}>
      {(r) => (
        <Stack>
          <Group justify="space-between">
            <div>
              <Anchor component={Link} to="/racks" size="sm">Racks</Anchor>
              <Title order={2}>Rack {r.name}</Title>
              <Text size="sm">{r.site_name} · {r.u_height}U · {r.status}{r.facility_id ? ` · ${r.facility_id}` : ''}</Text>
            </div>
            {pending && <Badge color="blue" variant="light">Moving {pending.device.label}…</Badge>}
          </Group>
          {editor && (
            <Text size="sm">
              A device lands where it is drawn when dropped; an unplaced asset's lowest unit goes where the pointer is. Keyboard: Space lifts and drops, arrows move, Escape cancels.
            </Text>
          )}
          {move.isError && placing === undefined && <ProblemAlert error={move.error} />}
          <QueryView query={front}>
            {(frontData) => {
              const shape = shapeOf(frontData);
              return (
                <DndContext sensors={sensors} collisionDetection={underPoint} onDragStart={onDragStart}
                  onDragOver={onDragOver} onDragEnd={onDragEnd} onDragCancel={() => { setActive(undefined); setOver(undefined); }}
                  accessibility={announcements ? { announcements } : undefined}>
                  <Group align="flex-start" gap="xl">
                    {FACES.map((face) => (
                      <FaceView key={face} rack={r} face={face} shape={shape} devices={mounted} editor={editor} preview={preview(face)} />
                    ))}
                    <Stack>
                      <UnplacedList assets={waiting} editor={editor} onPlace={(d) => { move.reset(); setPlacing(d); }} />
                      {editor && mounted.length > 0 && (
                        <Paper withBorder p="sm" w={340} role="region" aria-label="Bulk move">
                          <Title order={3} size="h5" mb="xs">Bulk move</Title>
                          <Text size="xs" mb="xs">Select devices, then drag one of them: all move together, keeping their distances (all or none).</Text>
                          <Stack gap={4}>
                            {[...mounted].sort((a, b) => b.position - a.position).map((d) => (
                              <Checkbox key={d.asset_id} size="xs" label={`${d.label}, ${unitRange(d.position, d.u_height)} ${d.face}`}
                                checked={selected.has(d.asset_id)}
                                onChange={(e) => {
                                  const next = new Set(selected);
                                  if (e.currentTarget.checked) next.add(d.asset_id); else next.delete(d.asset_id);
                                  setSelected(next);
                                }} />
                            ))}
                          </Stack>
                        </Paper>
                      )}
                      <Paper withBorder p="sm" w={340} role="region" aria-label="Zero-U devices">
                        <Title order={3} size="h5" mb="xs">Zero-U devices</Title>
                        {zeroU.length === 0
                          ? <Text size="sm">None.</Text>
                          : <Stack gap={6}>{zeroU.map((d) => <ListedAsset key={d.asset_id} device={d} editor={editor} />)}</Stack>}
                      </Paper>
                    </Stack>
                  </Group>
                </DndContext>
              );
            }}
          </QueryView>
          <Modal opened={placing !== undefined} onClose={() => setPlacing(undefined)} title="Place asset" closeButtonProps={{ 'aria-label': 'Close' }}>
            {placing && (
              <PlaceForm device={placing} rack={r} pending={move.isPending} error={move.isError ? move.error : undefined}
                onCancel={() => setPlacing(undefined)} onPlace={(target) => move.mutate({ device: placing, target })} />
            )}
          </Modal>
        </Stack>
      )}
    </QueryView>
  );
}
