import { Alert, Center, List, Loader, Text, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { ApiError } from '../api/client';

export function Loading() {
  return (
    <Center p="xl" role="status" aria-live="polite">
      <Loader />
      <VisuallyHidden>Loading</VisuallyHidden>
    </Center>
  );
}

export function ErrorState({ error }: { error: unknown }) {
  return (
    <Alert variant="default" title="Could not load" role="alert">
      {error instanceof Error ? error.message : String(error)}
    </Alert>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return (
    <Text p="md">
      {children}
    </Text>
  );
}

/**
 * The refusal of a change (a 4xx or 5xx of a form or button), as the API explained it: the problem's
 * title, its detail and each field error, announced to screen readers.
 */
export function ProblemAlert({ error }: { error: unknown }) {
  if (!(error instanceof ApiError)) return <ErrorState error={error} />;
  return (
    <Alert color="red" variant="light" title={`${error.title} (${error.status})`} role="alert">
      {error.detail && <Text size="sm">{error.detail}</Text>}
      {error.errors.length > 0 && (
        <List size="sm">
          {error.errors.map((e) => (
            <List.Item key={`${e.field}:${e.message}`}>
              {e.field}: {e.message}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

/** @returns the message of the API's field error for `field`, for the form input of that field */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.errors.find((e) => e.field === field)?.message;
}
