// Writes the harness's copies of the shipped workflows and its credentials file, as an operator
// would set them up (run.sh calls it):
//
//   node prepare.mjs <deploy/n8n dir> <out dir> <mock url> <mock https url> <infra url> <api key> <webhook secret>
//
// Each workflow gets a fixed id and its "Settings" node the harness's gateway and sources (the
// text between "/* settings */" and "/* end settings */" is replaced, nothing else). Two more are
// copies with their own id, name and webhook: the v3 workflow opening its runs for the source
// "harness-pc-noid", which the mock's proxy answers without an id, and the vCenter workflow with
// "Ignore SSL Issues" switched on in its "vCenter session" node, as an operator would for a vCenter
// with a self-signed certificate.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const [dir, out, mock, mockTls, infra, apiKey, secret] = process.argv.slice(2);
mkdirSync(join(out, 'workflows'), { recursive: true });

const source = (path) => ({ url: `${mock}/${path}` });
const workflows = {
  'vcenter-vm-sync.json': {
    id: 'infraHarnessVc01',
    sources: {
      'harness-vc-a': source('vc-a'),
      'harness-vc-b': source('vc-b'),
      'harness-vc-broken': source('vc-broken'),
      'harness-vc-failfail': source('vc-failfail'),
      // a vCenter with a self-signed certificate: TLS is checked, the run fails
      'harness-vc-tls-refused': { url: `${mockTls}/vc-tls` },
      // a vCenter whose certificate n8n trusts through NODE_EXTRA_CA_CERTS (the next port)
      'harness-vc-ca': { url: `${mockTls.replace(/:(\d+)$/, (_, p) => ':' + (Number(p) + 1))}/vc-ca` },
    },
    default_source: 'harness-vc-a',
  },
  'prism-central-v3-vm-sync.json': {
    id: 'infraHarnessPc03',
    sources: { 'harness-pc-v3': source('pc-v3') },
    default_source: 'harness-pc-v3',
  },
  'prism-central-v4-vm-sync.json': {
    id: 'infraHarnessPc04',
    sources: { 'harness-pc-v4': source('pc-v4'), 'harness-pc-empty': source('pc-empty') },
    default_source: 'harness-pc-v4',
  },
  'prism-central-v3-vm-sync-noid.json': {
    from: 'prism-central-v3-vm-sync.json',
    id: 'infraHarnessPc3n',
    label: 'run opened without an id',
    webhook: ['00000000-0000-4000-8000-00000000a003', '-noid'],
    sources: { 'harness-pc-noid': source('pc-v3') },
    default_source: 'harness-pc-noid',
  },
  'vcenter-vm-sync-insecure.json': {
    from: 'vcenter-vm-sync.json',
    id: 'infraHarnessVc0i',
    label: 'Ignore SSL Issues on',
    webhook: ['00000000-0000-4000-8000-00000000a001', '-insecure'],
    insecure: 'vCenter session',
    sources: { 'harness-vc-tls-allowed': { url: `${mockTls}/vc-tls` } },
    default_source: 'harness-vc-tls-allowed',
  },
};

for (const [file, h] of Object.entries(workflows)) {
  const workflow = JSON.parse(readFileSync(join(dir, h.from || file), 'utf8'));
  workflow.id = h.id;
  if (h.from) {
    workflow.name += ` (harness: ${h.label})`;
    const hook = workflow.nodes.find((n) => n.type === 'n8n-nodes-base.webhook');
    hook.webhookId = h.webhook[0];
    hook.parameters.path += h.webhook[1];
  }
  if (h.insecure) {
    // what an operator does in the editor: the node's option "Ignore SSL Issues (Insecure)" switched on
    workflow.nodes.find((n) => n.name === h.insecure).parameters.options.allowUnauthorizedCerts = true;
  }
  const settings = workflow.nodes.find((n) => n.name === 'Settings');
  const code = settings.parameters.jsCode;
  const start = code.indexOf('/* settings */');
  const end = code.indexOf('/* end settings */');
  if (start < 0 || end < 0) throw new Error(`${file}: no settings block in the Settings node`);
  const value = { infra_url: infra, sources: h.sources, default_source: h.default_source };
  settings.parameters.jsCode =
    code.slice(0, start) + '/* settings */ ' + JSON.stringify(value, null, 2) + ' ' + code.slice(end);
  writeFileSync(join(out, 'workflows', file), JSON.stringify(workflow, null, 2));
}

// Credentials with plain data: "n8n import:credentials" encrypts them with the instance's key.
const credentials = [
  { id: 'infraHarnessCr01', name: 'vm-service trigger', type: 'httpHeaderAuth', data: { name: 'X-Infra-Webhook-Token', value: secret } },
  { id: 'infraHarnessCr02', name: 'vm-service API key', type: 'httpHeaderAuth', data: { name: 'X-API-Key', value: apiKey } },
  { id: 'infraHarnessCr03', name: 'vCenter', type: 'httpBasicAuth', data: { user: 'harness', password: 'harness-pass' } },
  { id: 'infraHarnessCr04', name: 'Prism Central', type: 'httpBasicAuth', data: { user: 'harness', password: 'harness-pass' } },
];
writeFileSync(join(out, 'credentials.json'), JSON.stringify(credentials, null, 2));
console.log(Object.values(workflows).map((w) => w.id).join(' '));
