import { useMemo, useState, type CSSProperties } from 'react';
import { Anchor, Badge, Box, Button, Checkbox, Group, Modal, NumberInput, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  DndContext, KeyboardSensor, PointerSensor, useDraggable, useDroppable, useSensor, useSensors,
  type Announcements, type CollisionDetection, type DragEndEvent, type DragOverEvent, type DragStartEvent,
  type KeyboardCoordinateGetter,
} from '@dnd-kit/core';
import { CSS } from '@dnd-kit/utilities';
import { Link, useParams, useSearchParams } from 'react-router';
import { inventoryApi, type Asset, type Face, type PlacementInput, type Rack } from '../../api/inventory';
import { useAuth } from '../../auth/AuthContext';
import { hasRole } from '../../auth/roles';
import { QueryView } from '../../components/Query';
import { ProblemAlert } from '../../components/States';
import {
  HALF_UNIT_PX, UNPLACED, assetLabel, coveredHalfUnits, devicesOn, groupMoves, halfUnits, isUnchanged, mountedDevices, parseTarget, rowOf,
  rowsOf, shapeOf, slotId, unitLabel, unitRange, withPendingMove, type Device, type DropTarget, type RackShape,
} from './rackGeometry';

const FACES: Face[] = ['front', 'rear'];
const PALETTE = ['blue', 'teal', 'grape', 'orange', 'cyan', 'lime', 'pink', 'indigo', 'yellow', 'violet'];

/**
 * How a device is coloured: its model's colour from the catalogue (a light tint of it behind black
 * text, so the text stays readable whatever the colour), else a palette colour fixed per model name.
 */
export function colourStyle(device: Pick<Device, 'model' | 'colour'>): { background: string; border: string } {
  if (device.colour && /^[0-9a-fA-F]{6}$/.test(device.colour)) {
    return { background: `color-mix(in srgb, #${device.colour} 30%, white)`, border: `#${device.colour}` };
  }
  let hash = 0;
  for (const c of device.model) hash = (hash * 31 + c.charCodeAt(0)) | 0;
  const name = PALETTE[Math.abs(hash) % PALETTE.length];
  return { background: `var(--mantine-color-${name}-1)`, border: `var(--mantine-color-${name}-7)` };
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
    colour: a.model_colour ?? undefined,
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

/** A half-unit drop target of one face of a rack. */
function Slot({ rackId, face, value, shape, preview }: { rackId: number; face: Face; value: number; shape: RackShape; preview: boolean }) {
  const { setNodeRef } = useDroppable({ id: slotId(rackId, face, value) });
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
  const colour = colourStyle(device);
  const style: CSSProperties = {
    gridColumn: 2,
    gridRow: `${start} / span ${span}`,
    zIndex: isDragging ? 10 : 1,
    transform: CSS.Translate.toString(transform),
    background: otherFace
      ? `repeating-linear-gradient(45deg, var(--mantine-color-gray-1), var(--mantine-color-gray-1) 6px, var(--mantine-color-gray-2) 6px, var(--mantine-color-gray-2) 12px)`
      : colour.background,
    borderWidth: 1,
    borderStyle: 'solid',
    borderColor: otherFace ? 'var(--mantine-color-gray-7)' : colour.border,
    borderLeftWidth: otherFace ? 1 : 4,
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

/** One face of a rack: unit numbers, half-unit slots and the devices seen from that side. */
function FaceView({ rack, face, shape, devices, editor, preview }: {
  rack: Rack; face: Face; shape: RackShape; devices: Device[]; editor: boolean; preview: Set<number> | undefined;
}) {
  const values = halfUnits(shape);
  const units = values.filter(Number.isInteger);
  const rackId = rack.id ?? 0;
  return (
    <Stack gap={4}>
      <Title order={3} size="h5">{face === 'front' ? 'Front' : 'Rear'}</Title>
      <Box
        role="group"
        aria-label={`${face === 'front' ? 'Front' : 'Rear'} of rack ${rack.name}`}
        data-rack={rackId}
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
          <Slot key={v} rackId={rackId} face={face} value={v} shape={shape} preview={preview?.has(v) ?? false} />
        ))}
        {devicesOn(devices, face).map((d) => (
          <DeviceBlock key={`${d.asset_id}`} device={d} face={face} shape={shape} draggable={editor} />
        ))}
      </Box>
    </Stack>
  );
}

/** A rack, its two elevations and its devices (mounted and zero-U), as the API reports them. */
function useRackData(id: number | undefined) {
  const enabled = id !== undefined;
  const rack = useQuery({ queryKey: ['inventory', 'racks', id], queryFn: () => inventoryApi.rack(id ?? 0), enabled });
  const front = useQuery({ queryKey: ['inventory', 'elevation', id, 'front'], queryFn: () => inventoryApi.elevation(id ?? 0, 'front'), enabled });
  const rear = useQuery({ queryKey: ['inventory', 'elevation', id, 'rear'], queryFn: () => inventoryApi.elevation(id ?? 0, 'rear'), enabled });
  const mounted = useMemo(() => mountedDevices(front.data, rear.data), [front.data, rear.data]);
  const zeroU = useMemo(() => (front.data?.zero_u ?? []).map((o) => ({
    asset_id: o.asset_id ?? 0, rack_id: id, label: assetLabel(o), model: o.model_name ?? '', position: Number.NaN,
    u_height: Number(o.u_height ?? 0), face: o.face ?? 'front', is_full_depth: o.is_full_depth ?? false,
    colour: o.model_colour ?? undefined,
  } satisfies Device)), [front.data, id]);
  return { rack, front, rear, mounted, zeroU };
}

/** Both faces of a rack inside the page's drag and drop context, with an optional heading. */
function RackFaces({ rack, shape, devices, editor, preview, heading }: {
  rack: Rack; shape: RackShape; devices: Device[]; editor: boolean; preview: (rackId: number, face: Face) => Set<number> | undefined; heading?: boolean;
}) {
  return (
    <Stack gap={4}>
      {heading && (
        <Title order={3} size="h4">
          <Anchor component={Link} to={`/racks/${rack.id}`}>Rack {rack.name}</Anchor>
        </Title>
      )}
      <Group align="flex-start" gap="md" wrap="nowrap">
        {FACES.map((face) => (
          <FaceView key={face} rack={rack} face={face} shape={shape} devices={devices} editor={editor} preview={preview(rack.id ?? 0, face)} />
        ))}
      </Group>
    </Stack>
  );
}

/** An asset of a list (unplaced, zero-U): a drag handle with its name and a "Place…" button. */
function ListedAsset({ device, editor, onPlace, note }: { device: Device; editor: boolean; onPlace?: () => void; note?: string }) {
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
          borderWidth: 1,
          borderStyle: 'solid',
          borderColor: colourStyle(device).border,
          borderLeftWidth: 4,
          background: colourStyle(device).background,
          color: 'var(--mantine-color-black)',
          flex: 1,
          fontSize: 13,
        }}
      >
        <strong>{device.label}</strong> {device.model} ({device.u_height}U{device.is_full_depth ? ', full depth' : ''}{note ? `, ${note}` : ''})
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
    <form onSubmit={(e) => { e.preventDefault(); onPlace({ kind: 'slot', rack_id: rack.id ?? 0, face, position: position ?? Number.NaN }); }}>
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
 * A rack's elevation, front and rear, the unplaced assets of its site and, on request, a second
 * rack of the same site beside it. Editors drag devices (mouse, touch or keyboard: Space to lift,
 * arrows to move, Space to drop, Escape to cancel) within a rack, onto the other face, to the other
 * rack, or into and out of the unplaced list; each drop is one call of the placement API (a
 * multi-selection: one bulk call, all or none). A refused drop (409: the blocking asset and its
 * units) is shown and the devices go back to their places. Other users' moves arrive through the
 * live updates.
 */
export default function RackElevation() {
  const id = Number(useParams().id);
  const [search, setSearch] = useSearchParams();
  const otherParam = Number(search.get('with'));
  const otherId = Number.isInteger(otherParam) && otherParam > 0 && otherParam !== id ? otherParam : undefined;
  const { session } = useAuth();
  const editor = hasRole(session.roles, 'editor');
  const client = useQueryClient();
  const primary = useRackData(id);
  const secondary = useRackData(otherId);
  const rack = primary.rack;
  const siteId = rack.data?.site_id;
  const unplaced = useQuery({
    queryKey: ['inventory', 'assets', 'unplaced', siteId],
    queryFn: () => inventoryApi.assets({ site_id: siteId, rack_id__empty: true, limit: 200 }),
    enabled: siteId !== undefined,
  });
  const siteRacks = useQuery({
    queryKey: ['inventory', 'racks', 'of-site', siteId],
    queryFn: () => inventoryApi.racks({ site_id: siteId, limit: 1000, ordering: 'name' }),
    enabled: siteId !== undefined,
  });

  const [active, setActive] = useState<Device | undefined>();
  const [over, setOver] = useState<DropTarget | undefined>();
  const [pending, setPending] = useState<{ device: Device; target: DropTarget; group?: Device[] } | undefined>();
  const [placing, setPlacing] = useState<Device | undefined>();

  const [selected, setSelected] = useState<Set<number>>(new Set());
  const move = useMutation({
    mutationFn: async ({ device, target, group }: { device: Device; target: DropTarget; group?: Device[] }): Promise<void> => {
      if (group && target.kind === 'slot') {
        await inventoryApi.placeAll(groupMoves(device, group, target));
        return;
      }
      const input: PlacementInput =
        target.kind === 'unplaced' ? {}
          : device.u_height === 0 ? { rack_id: target.rack_id }
            : { rack_id: target.rack_id, position: target.position, face: target.face };
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

  const moving = pending ? pending.group ?? [pending.device] : [];
  const drawn = (rackId: number, devices: Device[]) => withPendingMove(devices, rackId, moving, pending?.target, pending?.device);
  const mounted = drawn(id, primary.mounted);
  const otherMounted = otherId === undefined ? [] : drawn(otherId, secondary.mounted);
  const stillHere = (d: Device) => !moving.some((m) => m.asset_id === d.asset_id);
  const zeroU = primary.zeroU.filter(stillHere);
  const otherZeroU = secondary.zeroU.filter(stillHere);
  const waiting = useMemo(() => (unplaced.data?.results ?? [])
    .map(unplacedDevice)
    .filter((d) => !(pending && pending.device.asset_id === d.asset_id && pending.target.kind === 'slot')), [unplaced.data, pending]);

  const preview = (rackId: number, face: Face): Set<number> | undefined => {
    if (!active || over?.kind !== 'slot' || over.rack_id !== rackId || active.u_height === 0) return undefined;
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
    if (!device || !target || isUnchanged(device, target)) return;
    const group = [...mounted, ...otherMounted].filter((d) => selected.has(d.asset_id));
    if (target.kind === 'slot' && selected.has(device.asset_id) && group.length > 1) move.mutate({ device, target, group });
    else move.mutate({ device, target });
  };

  const rackNames = new Map<number, string>((siteRacks.data?.results ?? []).map((r) => [r.id ?? 0, r.name ?? '']));
  if (rack.data) rackNames.set(id, rack.data.name ?? '');
  const targetText = (target: DropTarget | undefined): string => {
    if (!target) return 'no place';
    return target.kind === 'unplaced' ? 'the unplaced list' : `${unitLabel(target.position)} ${target.face} of rack ${rackNames.get(target.rack_id) ?? target.rack_id}`;
  };
  const announcements: Announcements = {
    onDragStart: ({ active: a }) => `Picked up ${deviceOf(a.data.current)?.label ?? 'device'}.`,
    onDragOver: ({ active: a, over: o }) => `${deviceOf(a.data.current)?.label ?? 'Device'} is over ${targetText(parseTarget(o?.id))}.`,
    onDragEnd: ({ active: a, over: o }) => `${deviceOf(a.data.current)?.label ?? 'Device'} dropped on ${targetText(parseTarget(o?.id))}.`,
    onDragCancel: ({ active: a }) => `Moving ${deviceOf(a.data.current)?.label ?? 'device'} was cancelled.`,
  };
  const otherRacks = (siteRacks.data?.results ?? []).filter((r) => r.id !== id);
  const bulkDevices = [...mounted, ...otherMounted];

  return (
    <QueryView query={rack}>
      {(r) => (
        <Stack>
          <Group justify="space-between" align="flex-end">
            <div>
              <Anchor component={Link} to="/racks" size="sm">Racks</Anchor>
              <Title order={2}>Rack {r.name}</Title>
              <Text size="sm">{r.site_name} · {r.u_height}U · {r.status}{r.facility_id ? ` · ${r.facility_id}` : ''}</Text>
            </div>
            <Group align="flex-end">
              {pending && <Badge color="blue" variant="light">Moving {pending.device.label}…</Badge>}
              <Select label="Second rack of this site" placeholder={otherRacks.length === 0 ? 'No other rack' : 'Show beside it'} w={240} clearable searchable
                data={otherRacks.map((o) => ({ value: String(o.id), label: o.name ?? String(o.id) }))}
                value={otherId === undefined ? null : String(otherId)}
                onChange={(v) => setSearch(v ? { with: v } : {}, { replace: true })} />
            </Group>
          </Group>
          {editor && (
            <Text size="sm">
              A device lands where it is drawn when dropped, in this rack or the one beside it; an unplaced asset's lowest unit goes where the pointer is. Keyboard: Space lifts and drops, arrows move (left and right: to the next face, rack or list), Escape cancels.
            </Text>
          )}
          {move.isError && placing === undefined && <ProblemAlert error={move.error} />}
          <QueryView query={primary.front}>
            {(frontData) => (
              <DndContext sensors={sensors} collisionDetection={underPoint} onDragStart={onDragStart}
                onDragOver={onDragOver} onDragEnd={onDragEnd} onDragCancel={() => { setActive(undefined); setOver(undefined); }}
                accessibility={{ announcements }}>
                <Group align="flex-start" gap="xl">
                  <RackFaces rack={r} shape={shapeOf(frontData)} devices={mounted} editor={editor} preview={preview} heading={otherId !== undefined} />
                  {otherId !== undefined && (
                    <QueryView query={secondary.rack}>
                      {(o) => (
                        <QueryView query={secondary.front}>
                          {(otherFront) => (
                            <RackFaces rack={o} shape={shapeOf(otherFront)} devices={otherMounted} editor={editor} preview={preview} heading />
                          )}
                        </QueryView>
                      )}
                    </QueryView>
                  )}
                  <Stack>
                    <UnplacedList assets={waiting} editor={editor} onPlace={(d) => { move.reset(); setPlacing(d); }} />
                    {editor && bulkDevices.length > 0 && (
                      <Paper withBorder p="sm" w={340} role="region" aria-label="Bulk move">
                        <Title order={3} size="h5" mb="xs">Bulk move</Title>
                        <Text size="xs" mb="xs">Select devices, then drag one of them: all move together, keeping their distances (all or none).</Text>
                        <Stack gap={4}>
                          {[...bulkDevices].sort((a, b) => (a.rack_id ?? 0) - (b.rack_id ?? 0) || b.position - a.position).map((d) => (
                            <Checkbox key={d.asset_id} size="xs"
                              label={`${d.label}, ${unitRange(d.position, d.u_height)} ${d.face}${otherId !== undefined ? ` of ${rackNames.get(d.rack_id ?? 0) ?? d.rack_id}` : ''}`}
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
                      {zeroU.length + otherZeroU.length === 0
                        ? <Text size="sm">None.</Text>
                        : <Stack gap={6}>{[...zeroU, ...otherZeroU].map((d) => <ListedAsset key={d.asset_id} device={d} editor={editor}
                          note={otherId !== undefined ? `rack ${rackNames.get(d.rack_id ?? 0) ?? d.rack_id}` : undefined} />)}</Stack>}
                    </Paper>
                  </Stack>
                </Group>
              </DndContext>
            )}
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
