import { useState } from 'react';
import { NumberInput, Select, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { certApi, type Binding } from '../../api/cert';
import { fieldError } from '../../components/States';
import { DialogForm, useSave } from '../../components/Form';

export const PLATFORMS = ['load_balancer', 'web_server', 'mail', 'proxy', 'application', 'other'] as const;
type Platform = (typeof PLATFORMS)[number];

/** "lb1:443 · www.example.com (load_balancer)": a binding as a choice or a graph node's name. */
export function bindingLabel(b: Binding): string {
  const place = `${b.host_name ?? b.ip_address ?? 'unknown host'}${b.port ? `:${b.port}` : ''}`;
  return `${place} · ${b.certificate_common_name ?? `certificate ${b.certificate_id}`} (${b.platform})`;
}

/**
 * A new binding of a certificate: host, port, SNI, platform, application and the binding in front
 * of it (a load balancer's, for a flow). The API's refusal stays in the dialog.
 */
export function BindingForm({ certificateId, onDone }: { certificateId: number; onDone: () => void }) {
  const hosts = useQuery({ queryKey: ['cert', 'hosts', 'choices'], queryFn: () => certApi.hosts.list({ limit: 1000 }) });
  const apps = useQuery({ queryKey: ['cert', 'applications', 'choices'], queryFn: () => certApi.applications.list({ limit: 1000 }) });
  const bindings = useQuery({ queryKey: ['cert', 'bindings', 'choices'], queryFn: () => certApi.bindings.list({ limit: 1000 }) });
  const [hostId, setHostId] = useState<string | null>(null);
  const [port, setPort] = useState<number | string>(443);
  const [sni, setSni] = useState('');
  const [platform, setPlatform] = useState<Platform>('web_server');
  const [appId, setAppId] = useState<string | null>(null);
  const [parentId, setParentId] = useState<string | null>(null);
  const save = useSave(() => certApi.bindings.create({
    certificate_id: certificateId,
    host_id: hostId ? Number(hostId) : undefined,
    port: port === '' ? undefined : Number(port),
    sni: sni.trim() || undefined,
    platform,
    application_id: appId ? Number(appId) : undefined,
    parent_binding_id: parentId ? Number(parentId) : undefined,
  }), ['cert', 'bindings'], onDone);
  return (
    <DialogForm save={save} onCancel={onDone} submit="Add binding">
      <Select label="Host" searchable clearable value={hostId} onChange={setHostId} error={fieldError(save.error, 'host_id')}
        data={(hosts.data?.results ?? []).map((h) => ({ value: String(h.id), label: h.name ?? `#${h.id}` }))} />
      <NumberInput label="Port" min={1} max={65535} value={port} onChange={setPort} error={fieldError(save.error, 'port')} />
      <TextInput label="SNI" value={sni} onChange={(e) => setSni(e.currentTarget.value)} />
      <Select label="Platform" data={[...PLATFORMS]} value={platform} allowDeselect={false} onChange={(v) => setPlatform((v ?? 'web_server') as Platform)} />
      <Select label="Application" searchable clearable value={appId} onChange={setAppId}
        data={(apps.data?.results ?? []).map((a) => ({ value: String(a.id), label: a.name ?? `#${a.id}` }))} />
      <Select label="Behind (parent binding)" description="The binding in front of this one, e.g. the load balancer's" searchable clearable
        value={parentId} onChange={setParentId} error={fieldError(save.error, 'parent_binding_id')}
        data={(bindings.data?.results ?? []).map((b) => ({ value: String(b.id), label: bindingLabel(b) }))} />
    </DialogForm>
  );
}

export type { Platform };
