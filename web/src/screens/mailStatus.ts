/** mail-gateway's MessageStatus values, each with the colour of its badge. */
export const MAIL_STATUS_COLOR: Record<string, string> = {
  queued: 'gray', sending: 'blue', retrying: 'orange', sent: 'green', failed: 'red',
};
