import type { ReactNode } from 'react';
import { AppShell, Burger, Button, Group, Menu, NavLink, ScrollArea, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { NavLink as RouterLink, useLocation } from 'react-router';
import { useAuth } from '../auth/AuthContext';
import { hasRole, type Role } from '../auth/roles';

interface Item {
  to: string;
  label: string;
  role: Role;
}

/** The navigation; each entry shows only to holders of its role (the API decides anyway). */
export const NAVIGATION: Item[] = [
  { to: '/', label: 'Dashboard', role: 'viewer' },
  { to: '/vms', label: 'Virtual machines', role: 'viewer' },
  { to: '/owners', label: 'Owners', role: 'viewer' },
  { to: '/hosts', label: 'Hosts', role: 'viewer' },
  { to: '/networks', label: 'Networks', role: 'viewer' },
  { to: '/sync', label: 'Sync', role: 'viewer' },
  { to: '/mail', label: 'Mail log', role: 'viewer' },
  { to: '/sites', label: 'Sites', role: 'viewer' },
  { to: '/racks', label: 'Racks', role: 'viewer' },
  { to: '/assets', label: 'Assets', role: 'viewer' },
  { to: '/catalogue', label: 'Catalogue', role: 'viewer' },
  { to: '/storage-arrays', label: 'Storage arrays', role: 'viewer' },
  { to: '/maintenance', label: 'Maintenance windows', role: 'viewer' },
  { to: '/reports/eos', label: 'EoS report', role: 'viewer' },
  // project-service
  { to: '/projects', label: 'Projects', role: 'viewer' },
  { to: '/admin/clients', label: 'Clients', role: 'admin' },
  { to: '/certs', label: 'Certificates', role: 'viewer' },
  { to: '/api-keys', label: 'API keys', role: 'viewer' },
  { to: '/admin/data', label: 'Data tools', role: 'admin' },
  { to: '/admin/mail', label: 'Mail administration', role: 'admin' },
  { to: '/admin/system-apis', label: 'System APIs', role: 'admin' },
  { to: '/admin/audit', label: 'Audit log', role: 'admin' },
  { to: '/admin/auth-failures', label: 'Authentication failures', role: 'admin' },
  { to: '/admin/rate-limits', label: 'Rate limits', role: 'admin' },
];

/** Header with the user menu, role-based navigation, and the page. */
export function Shell({ children }: { children: ReactNode }) {
  const { session, logout } = useAuth();
  const [opened, { toggle }] = useDisclosure();
  const location = useLocation();
  const active = (to: string) => (to === '/' ? location.pathname === '/' : location.pathname.startsWith(to));
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Title order={1} size="h3">Infra-System</Title>
          </Group>
          <Menu position="bottom-end">
            <Menu.Target>
              <Button variant="subtle" aria-label={`User menu of ${session.name}`}>{session.name}</Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>{session.username}</Menu.Label>
              <Menu.Item disabled>
                <Text size="sm">Roles: {session.roles.join(', ') || 'none'}</Text>
              </Menu.Item>
              <Menu.Divider />
              <Menu.Item onClick={logout}>Log out</Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main navigation">
        {/* The entries outgrow a laptop screen's height: the list scrolls on its own. */}
        <AppShell.Section grow component={ScrollArea}>
          {NAVIGATION.filter((item) => hasRole(session.roles, item.role)).map((item) => (
            <NavLink key={item.to} component={RouterLink} to={item.to} label={item.label} active={active(item.to)} variant="filled" />
          ))}
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
