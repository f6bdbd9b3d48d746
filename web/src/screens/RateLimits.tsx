import { useState } from 'react';
import { Alert, Button, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { gatewayApi, type RateLimits as Limits, type RateLimitsInput } from '../api/gateway';
import { QueryView } from '../components/Query';
import { ProblemAlert, fieldError } from '../components/States';
import { formatTime } from '../components/time';

const FIELDS: { key: keyof RateLimitsInput; label: string; description: string }[] = [
  { key: 'principal', label: 'Per user or API key', description: 'Requests per period of one authenticated user or API key, on every routed path.' },
  { key: 'anonymous', label: 'Per address without credentials', description: 'Requests per period of one client address on public paths; as many again for requests with a missing or refused credential.' },
  { key: 'own_endpoints', label: "Per address to the gateway's own API", description: 'Requests per period of one client address to /api/gateway (API keys, these settings, the JWKS).' },
  { key: 'period_seconds', label: 'Period (seconds)', description: 'Each allowance refills over this period (1 to 3600 s).' },
];

/** The form: every limit, saved together with the version that was read. */
function LimitsForm({ limits, onSaved }: { limits: Limits; onSaved: (version: number) => void }) {
  const [input, setInput] = useState<Partial<RateLimitsInput>>({
    principal: limits.principal, anonymous: limits.anonymous, own_endpoints: limits.own_endpoints, period_seconds: limits.period_seconds,
  });
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: () => gatewayApi.saveRateLimits(limits.version ?? 0, input),
    onSuccess: (saved) => {
      onSaved(saved.version ?? 0);
      client.setQueryData(['gateway', 'rate-limits'], saved);
    },
  });
  return (
    <form onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
      <Stack maw={640}>
        <Text size="sm">
          {limits.stored
            ? `Saved by ${limits.updated_by ?? 'unknown'} on ${formatTime(limits.updated_at)}.`
            : 'Nothing saved yet: these are the configured defaults (infra.gateway.rate-limit.*).'}
          {' '}A change applies at once on this gateway instance and within seconds on the others; every caller starts with a full allowance. Each limit is 10 to 1,000,000 requests.
        </Text>
        {FIELDS.map((f) => (
          <NumberInput key={f.key} label={f.label} description={f.description} required allowDecimal={false} allowNegative={false} thousandSeparator=","
            value={input[f.key] ?? ''} error={fieldError(save.error, f.key)}
            onChange={(v) => { save.reset(); setInput({ ...input, [f.key]: typeof v === 'number' ? v : undefined }); }} />
        ))}
        {save.isError && <ProblemAlert error={save.error} />}
        <Group><Button type="submit" loading={save.isPending}>Save rate limits</Button></Group>
      </Stack>
    </form>
  );
}

/** Admin: the gateway's rate limits (per user or key, per address, for its own endpoints). */
export default function RateLimits() {
  const limits = useQuery({ queryKey: ['gateway', 'rate-limits'], queryFn: gatewayApi.rateLimits });
  // the form starts afresh from each saved version; the confirmation outlives it
  const [saved, setSaved] = useState<number>();
  return (
    <Stack>
      <Title order={2}>Rate limits</Title>
      <QueryView query={limits}>
        {(l) => (
          <Stack maw={640}>
            <LimitsForm key={l.version} limits={l} onSaved={setSaved} />
            {saved !== undefined && saved === l.version && <Alert color="green" variant="light" role="status">Rate limits saved.</Alert>}
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}
