import { useState } from 'react';
import { Button, Card, List, Text, Timeline, Title } from '@mantine/core';
import type { HistoryEntry } from '../../api/vm';
import { Empty } from '../../components/States';
import { formatTime } from '../../components/time';

/** Consecutive history entries of one sync run (or one moment): one step of the timeline. */
export interface HistoryStep {
  key: string;
  syncRunId?: number;
  changedAt?: string;
  entries: HistoryEntry[];
}

/** Groups the API's newest-first entries into steps: same sync run and same time. */
export function historySteps(history: HistoryEntry[]): HistoryStep[] {
  const steps: HistoryStep[] = [];
  for (const entry of history) {
    const last = steps.at(-1);
    if (last && last.syncRunId === entry.sync_run_id && last.changedAt === entry.changed_at) {
      last.entries.push(entry);
    } else {
      steps.push({ key: String(entry.id), syncRunId: entry.sync_run_id, changedAt: entry.changed_at, entries: [entry] });
    }
  }
  return steps;
}

const TITLES: Record<string, string> = {
  created: 'Discovered',
  updated: 'Facts changed',
  deleted: 'Gone from its source',
  restored: 'Back in its source',
};

function change(entry: HistoryEntry): string {
  if (entry.change_type === 'created') return `as ${entry.new_value ?? '—'}`;
  return `${entry.field_name ?? 'value'}: ${entry.old_value ?? '—'} → ${entry.new_value ?? '—'}`;
}

const FIRST = 10;

/** What the syncs changed on a VM, newest first (the API keeps the last 500 changes). */
export function History({ history }: { history: HistoryEntry[] }) {
  const steps = historySteps(history);
  const [all, setAll] = useState(false);
  const shown = all ? steps : steps.slice(0, FIRST);
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">History</Title>
      {steps.length === 0 ? (
        <Empty>No change recorded yet.</Empty>
      ) : (
        <>
          <Timeline bulletSize={14} lineWidth={2}>
            {shown.map((step) => {
              const type = step.entries[0].change_type ?? 'updated';
              return (
                <Timeline.Item key={step.key} title={TITLES[type] ?? type}>
                  <Text size="sm">
                    {formatTime(step.changedAt)}
                    {step.syncRunId != null && ` · sync run ${step.syncRunId}`}
                  </Text>
                  <List size="sm" mt={4}>
                    {step.entries.map((e) => (
                      <List.Item key={e.id}>{change(e)}</List.Item>
                    ))}
                  </List>
                </Timeline.Item>
              );
            })}
          </Timeline>
          {steps.length > FIRST && (
            <Button variant="subtle" mt="xs" onClick={() => setAll(!all)}>
              {all ? 'Show the latest only' : `Show all ${steps.length} changes`}
            </Button>
          )}
        </>
      )}
    </Card>
  );
}
