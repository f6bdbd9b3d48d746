import type { components } from './generated/mail-gateway';
import { api, withQuery, type Query } from './client';

type Schemas = components['schemas'];
export type MailSummary = Schemas['Summary'];
export type MailPage = Schemas['PageSummary'];

/** One SMTP delivery attempt (mail-gateway's MessageViews.Attempt); `duration_ms` in milliseconds. */
export interface DeliveryAttempt {
  attempt_no: number;
  started_at: string;
  duration_ms: number;
  outcome: string;
  reply_code?: number | null;
  reply_text?: string | null;
  smtp_host?: string | null;
  instance?: string | null;
}

/** A message's delivery to a webhook channel (mail-gateway's ChannelViews.Delivery). */
export interface ChannelDelivery {
  channel: string;
  status: string;
  attempts: number;
  last_status_code?: number | null;
  last_error?: string | null;
  sent_at?: string | null;
}

/**
 * `GET /api/mail/messages/{id}` (mail-gateway's MessageViews.Detail: the summary's fields with the
 * content, attachment metadata and attempts). Its OpenAPI document leaves this answer untyped (the
 * resource returns a Response), so the shape is written here from the Java record.
 */
export interface MailDetail extends MailSummary {
  bcc?: string[] | null;
  reply_to?: string | null;
  text?: string | null;
  html?: string | null;
  attachments?: { file_name: string; content_type: string; size_bytes: number }[] | null;
  delivery_attempts?: DeliveryAttempt[] | null;
  channel_deliveries?: ChannelDelivery[] | null;
}

/** mail-gateway's transaction log: list and read for every role, retry of a failed message for admins. */
export const mailApi = {
  messages: (query: Query) => api<MailPage>('GET', withQuery('/api/mail/messages', query)),
  message: (id: number) => api<MailDetail>('GET', `/api/mail/messages/${id}`),
  retry: (id: number) => api<MailSummary>('POST', `/api/mail/messages/${id}/retry`),
};
