import type { components } from './generated/mail-gateway';
import { api, withQuery, type Query } from './client';

type Schemas = components['schemas'];
/** mail-gateway's SMTP settings as it shows them (`SettingsViews.View`; the document leaves the GET untyped): the password only as `password_set`. */
export interface SmtpSettingsView {
  host: string;
  port: number;
  tls_mode: 'none' | 'starttls' | 'tls';
  username?: string | null;
  password_set: boolean;
  from_address: string;
  /** messages per minute */
  rate_per_minute: number;
  /** false: the defaults of the configuration, nothing stored yet */
  stored: boolean;
  version: number;
}
/** New settings: `password` absent keeps the stored one, `""` removes it. */
export type SmtpSettingsInput = Schemas['Input1'];
export type SmtpTestResult = Schemas['TestResult1'];
export type MailTemplate = Schemas['View1'];
export type TemplatePreview = Schemas['Preview'];

/** A notification channel: the secret is never returned, only `secret_set`. */
export type Channel = Schemas['View'];
/** A channel's new values; `secret` absent keeps the stored one. */
export type ChannelInput = Schemas['Input'];
export type ChannelTestResult = Schemas['TestResult'];

/** mail-gateway's administration: SMTP settings (admins), templates with preview, notification channels. */
export const mailAdminApi = {
  settings: () => api<SmtpSettingsView>('GET', '/api/mail/settings'),
  saveSettings: (version: number, input: SmtpSettingsInput) =>
    api<SmtpSettingsView>('PUT', '/api/mail/settings', input, { 'If-Match': `"${version}"` }),
  testSettings: (to: string) => api<SmtpTestResult>('POST', '/api/mail/settings/test', { to }),
  templates: (query: Query) => api<Schemas['PageView1']>('GET', withQuery('/api/mail/templates', query)),
  channels: () => api<Schemas['PageView']>('GET', withQuery('/api/mail/channels', { limit: 500 })),
  createChannel: (input: ChannelInput) => api<Channel>('POST', '/api/mail/channels', input),
  replaceChannel: (id: number, version: number, input: ChannelInput) =>
    api<Channel>('PUT', `/api/mail/channels/${id}`, input, { 'If-Match': `"${version}"` }),
  testChannel: (id: number) => api<ChannelTestResult>('POST', `/api/mail/channels/${id}/test`),
  preview: (id: number, variables: Record<string, unknown>) =>
    api<TemplatePreview>('POST', `/api/mail/templates/${id}/preview`, { variables }),
};
