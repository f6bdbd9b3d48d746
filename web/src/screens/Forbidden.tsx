import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

/** Shown for a page the user's roles do not allow (and for a 403 of the API). */
export function Forbidden() {
  return (
    <Stack>
      <Title order={2}>Not allowed</Title>
      <Text>Your account's roles do not allow this page. Ask an administrator if you need it.</Text>
      <Anchor component={Link} to="/">Back to the dashboard</Anchor>
    </Stack>
  );
}

export function NotFound() {
  return (
    <Stack>
      <Title order={2}>Page not found</Title>
      <Anchor component={Link} to="/">Back to the dashboard</Anchor>
    </Stack>
  );
}
