import { Alert, Center, Loader, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export function Loading() {
  return (
    <Center p="xl" role="status" aria-live="polite">
      <Loader aria-label="Loading" />
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
