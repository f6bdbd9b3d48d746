// Writes the harness's copies of the shipped workflows and its credentials file, as an operator
// would set them up (run.sh calls it):
//
//   node prepare.mjs <deploy/n8n dir> <out dir> <mock url> <infra url> <api key> <webhook secret>
//
// Each workflow gets a fixed id and its "Settings" node the harness's gateway and sources (the
// text between "/* settings */" and "/* end settings */" is replaced, nothing else).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const [dir, out, mock, infra, apiKey, secret] = process.argv.slice(2);
mkdirSync(join(out, 'workflows'), { recursive: true });

const source = (path) => ({ url: `${mock}/${path}`, allow_self_signed: false });
const workflows = {
  'vcenter-vm-sync.json': {
    id: 'infraHarnessVc01',
    sources: { 'harness-vc-a': source('vc-a'), 'harness-vc-b': source('vc-b'), 'harness-vc-broken': source('vc-broken') },
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
};

for (const [file, h] of Object.entries(workflows)) {
  const workflow = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  workflow.id = h.id;
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
