import { Button, Checkbox, Popover, Stack } from '@mantine/core';
import { VM_COLUMNS, type VmColumnId } from './columns';

/** A "Columns" menu of checkboxes; the list keeps the choice (see columns.ts). */
export function ColumnChooser({ visible, onChange }: { visible: VmColumnId[]; onChange: (next: VmColumnId[]) => void }) {
  return (
    <Popover position="bottom-start" shadow="md" trapFocus>
      <Popover.Target>
        <Button variant="default">Columns</Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Checkbox.Group
          label="Shown columns"
          value={visible}
          // Kept in table order, whatever the order of clicks.
          onChange={(ids) => onChange(VM_COLUMNS.map((c) => c.id).filter((id) => ids.includes(id)))}
        >
          <Stack gap={6} mt="xs">
            {VM_COLUMNS.map((c) => (
              <Checkbox key={c.id} value={c.id} label={c.label} />
            ))}
          </Stack>
        </Checkbox.Group>
      </Popover.Dropdown>
    </Popover>
  );
}
