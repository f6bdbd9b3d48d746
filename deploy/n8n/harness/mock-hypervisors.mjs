// Mock vCenters and Prism Centrals for the n8n harness (run.sh), built from the fixtures in
// vm-service/src/test/resources/fixtures, plus a recording proxy in front of the gateway.
//
//   node mock-hypervisors.mjs <fixtures dir> <port> <gateway url> [<tls port> <key.pem> <cert.pem>]...
//
// Each TLS port serves the same answers over HTTPS with its own (self-signed) certificate.
// One HTTP server; the first path segment picks what answers:
//   /vc-a, /vc-b      vCenters (vSphere Automation API) of 20 and 6 VMs, cloned from the four
//                     api_vcenter_vm_vm-*.json details and their guest identities; every fifth VM
//                     answers 503 to its guest calls (VMware Tools not running)
//   /vc-broken        a vCenter of 8 VMs whose third VM answers 500 to /guest/identity
//   /vc-tls           a vCenter of 5 VMs, meant to be reached over HTTPS (self-signed certificate)
//   /vc-ca            a vCenter of 3 VMs, meant to be reached over HTTPS with a certificate n8n trusts
//   /vc-failfail      a vCenter of 4 VMs whose second VM answers 500 "fail refused" to /guest/identity
//   /pc-v3            Prism Central v3 vms/list of 260 VMs (clones of v3_vms_list_own.json)
//   /pc-v4            Prism Central v4 vmm VM list of 230 VMs (clones of v4_vmm_ahv_config_vms_list.json)
//   /pc-empty         Prism Central v4 without VMs
//   /infra            forwards to the gateway and records every call (method, path, status) and
//                     every chunk post (start, end, run id); it answers a run opened for the source
//                     "harness-pc-noid" itself, without an id (a broken vm-service answer), and a
//                     /fail whose error says "fail refused" with 503 (vm-service unavailable)
//   /_stats           what happened: sessions opened and deleted per vCenter, the VMs whose guest
//                     identity a vCenter served, chunk posts, the highest number of chunk posts in
//                     flight at once, every call to /infra
// Basic auth of every mock hypervisor: harness / harness-pass. Host and cluster lists (two hosts, one
// cluster) and guest interfaces (one per NIC of the detail, with the guest identity's IP) are made
// here: the fixtures have none.
import { createServer, request as httpRequest } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const [fixtures, port, gateway, ...tls] = process.argv.slice(2);
const read = (p) => JSON.parse(readFileSync(join(fixtures, p), 'utf8'));
const AUTH = 'Basic ' + Buffer.from('harness:harness-pass').toString('base64');

/** A uuid derived from a text, the same on every start (so that a second run finds the same VMs). */
const uuidOf = (text) => {
  const h = createHash('sha256').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};
const replaceAll = (value, pairs) => {
  let text = JSON.stringify(value);
  for (const [from, to] of pairs) if (from) text = text.split(from).join(to);
  return JSON.parse(text);
};

// ---- vCenter
const VC_BASE = [22, 23, 43, 44].map((n) => ({
  detail: read(`vmware/api_vcenter_vm_vm-${n}.json`),
  identity: read(`vmware/api_vcenter_vm_vm-${n}_guest_identity.json`),
}));

function vcenter(name, count, brokenIndex, brokenMessage = 'mock failure') {
  const vms = [];
  for (let i = 0; i < count; i++) {
    const base = VC_BASE[i % VC_BASE.length];
    const vmName = `${name}-${base.detail.name}-${i}`;
    const detail = replaceAll(base.detail, [
      [base.detail.identity.instance_uuid, uuidOf(`${name}/${i}/instance`)],
      [base.detail.identity.bios_uuid, uuidOf(`${name}/${i}/bios`)],
      [base.detail.name, vmName],
    ]);
    const ip = `10.${20 + vms.length % 5}.${Math.floor(i / 250)}.${(i % 250) + 1}`;
    const identity = { ...base.identity, host_name: vmName.toLowerCase(), ip_address: ip };
    const interfaces = Object.values(detail.nics || {}).map((nic, k) => ({
      mac_address: nic.mac_address,
      nic: Object.keys(detail.nics)[k],
      ip: { ip_addresses: [{ ip_address: ip, prefix_length: 24, state: 'PREFERRED' }] },
    }));
    vms.push({
      id: `vm-${1000 + i}`,
      detail,
      identity,
      interfaces,
      tools: i % 5 !== 4,
      broken: i === brokenIndex ? brokenMessage : null,
      host: i % 2 === 0 ? 'host-1' : 'host-2',
    });
  }
  return { vms, sessions: new Set(), opened: 0, deleted: 0, guestServed: new Set() };
}

const vcenters = {
  'vc-a': vcenter('vc-a', 20, -1),
  'vc-b': vcenter('vc-b', 6, -1),
  'vc-broken': vcenter('vc-broken', 8, 2),
  'vc-tls': vcenter('vc-tls', 5, -1),
  'vc-ca': vcenter('vc-ca', 3, -1),
  'vc-failfail': vcenter('vc-failfail', 4, 1, 'mock failure, fail refused'),
};

function answerVcenter(vc, req, path, url, send) {
  if (path === '/api/session' && req.method === 'POST') {
    if (req.headers.authorization !== AUTH) return send(401, { error_type: 'UNAUTHENTICATED' });
    const token = uuidOf(`session/${Math.random()}`);
    vc.sessions.add(token);
    vc.opened++;
    return send(201, token);
  }
  const token = req.headers['vmware-api-session-id'];
  if (!vc.sessions.has(token)) return send(401, { error_type: 'UNAUTHENTICATED' });
  if (path === '/api/session' && req.method === 'DELETE') {
    vc.sessions.delete(token);
    vc.deleted++;
    return send(204);
  }
  const summary = (v) => ({
    vm: v.id,
    name: v.detail.name,
    power_state: v.detail.power_state,
    cpu_count: v.detail.cpu.count,
    memory_size_MiB: v.detail.memory.size_MiB,
  });
  if (path === '/api/vcenter/host') {
    return send(200, [
      { host: 'host-1', name: 'esx-01.lab', connection_state: 'CONNECTED', power_state: 'POWERED_ON' },
      { host: 'host-2', name: 'esx-02.lab', connection_state: 'CONNECTED', power_state: 'POWERED_ON' },
    ]);
  }
  if (path === '/api/vcenter/cluster') return send(200, [{ cluster: 'domain-c1', name: 'Cluster-1', ha_enabled: true, drs_enabled: true }]);
  if (path === '/api/vcenter/vm') {
    const hosts = url.searchParams.get('hosts');
    const clusters = url.searchParams.get('clusters');
    const list = vc.vms.filter((v) => (!hosts || v.host === hosts) && (!clusters || clusters === 'domain-c1'));
    return send(200, list.map(summary));
  }
  const m = path.match(/^\/api\/vcenter\/vm\/([^/]+)(\/guest\/identity|\/guest\/networking\/interfaces)?$/);
  const vm = m && vc.vms.find((v) => v.id === decodeURIComponent(m[1]));
  if (!vm) return send(404, { error_type: 'NOT_FOUND' });
  if (!m[2]) return send(200, vm.detail);
  if (vm.broken && m[2] === '/guest/identity') return send(500, { error_type: 'ERROR', messages: [{ default_message: vm.broken }] });
  if (!vm.tools) return send(503, { error_type: 'SERVICE_UNAVAILABLE' });
  if (m[2] === '/guest/identity') vc.guestServed.add(vm.id);
  return send(200, m[2] === '/guest/identity' ? vm.identity : vm.interfaces);
}

// ---- Prism Central
function prismV3(name, count) {
  const own = read('nutanix/v3_vms_list_own.json');
  const entities = [];
  for (let i = 0; i < count; i++) {
    const e = own.entities[i % own.entities.length];
    entities.push(replaceAll(e, [[e.metadata.uuid, uuidOf(`${name}/${i}`)], [e.spec.name, `${name}-${e.spec.name}-${i}`]]));
  }
  return { api_version: own.api_version, entities };
}

function prismV4(name, count) {
  const list = read('nutanix/v4_vmm_ahv_config_vms_list.json');
  const data = [];
  for (let i = 0; i < count; i++) {
    const v = list.data[i % list.data.length];
    data.push(replaceAll(v, [
      [v.extId, uuidOf(`${name}/${i}`)],
      [v.biosUuid !== v.extId ? v.biosUuid : null, uuidOf(`${name}/${i}/bios`)],
      [v.name, `${name}-${v.name}-${i}`],
    ]));
  }
  return { template: list, data };
}

const prisms = { 'pc-v3': prismV3('pc-v3', 260), 'pc-v4': prismV4('pc-v4', 230), 'pc-empty': prismV4('pc-empty', 0) };

function answerPrism(pc, req, path, url, body, send) {
  if (req.headers.authorization !== AUTH) return send(401, { message: 'unauthorised' });
  if (path === '/api/nutanix/v3/vms/list' && req.method === 'POST') {
    const ask = JSON.parse(body || '{}');
    const offset = ask.offset || 0;
    const length = ask.length || 20;
    const entities = pc.entities.slice(offset, offset + length);
    return send(200, {
      api_version: pc.api_version,
      metadata: { kind: 'vm', offset, length: entities.length, total_matches: pc.entities.length },
      entities,
    });
  }
  if (path === '/api/vmm/v4.0/ahv/config/vms' && req.method === 'GET') {
    const page = Number(url.searchParams.get('$page') || 0);
    const limit = Number(url.searchParams.get('$limit') || 50);
    const data = pc.data.slice(page * limit, page * limit + limit);
    const metadata = { ...pc.template.metadata, totalAvailableResults: pc.data.length };
    // like Prism Central v4, a page without VMs has no "data"
    return send(200, data.length ? { ...pc.template, metadata, data } : { ...pc.template, metadata, data: undefined });
  }
  return send(404, { message: 'no such path in the mock' });
}

// ---- recording proxy to the gateway
const chunks = [];
const calls = [];
let inFlight = 0;
let maxInFlight = 0;

function proxy(req, path, search, body, res) {
  const target = new URL(gateway + path + search);
  const call = { method: req.method, path: path + search, status: null };
  calls.push(call);
  if (path === '/api/vm/sync-runs' && req.method === 'POST' && /"source"\s*:\s*"harness-pc-noid"/.test(body)) {
    call.status = 201;
    res.writeHead(201, { 'content-type': 'application/json' });
    return res.end(JSON.stringify({ status: 'open', source: 'harness-pc-noid' }));
  }
  if (/^\/api\/vm\/sync-runs\/[0-9]+\/fail$/.test(path) && body.includes('fail refused')) {
    call.status = 503;
    res.writeHead(503, { 'content-type': 'application/problem+json' });
    return res.end(JSON.stringify({ title: 'mock: vm-service unavailable', status: 503 }));
  }
  const chunk = /^\/api\/vm\/sync\/[a-z]+$/.test(path) && req.method === 'POST';
  const record = chunk ? { run_id: target.searchParams.get('run_id'), started: Date.now(), bytes: body.length } : null;
  if (chunk) {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
  }
  const headers = { ...req.headers, host: target.host, 'content-length': Buffer.byteLength(body) };
  const out = httpRequest(target, { method: req.method, headers }, (answer) => {
    const parts = [];
    answer.on('data', (d) => parts.push(d));
    answer.on('end', () => {
      call.status = answer.statusCode;
      if (chunk) {
        inFlight--;
        chunks.push({ ...record, ended: Date.now(), status: answer.statusCode });
      }
      res.writeHead(answer.statusCode, answer.headers);
      res.end(Buffer.concat(parts));
    });
  });
  out.on('error', (e) => {
    if (chunk) inFlight--;
    res.writeHead(502, { 'content-type': 'text/plain' });
    res.end(String(e));
  });
  out.end(body);
}

function handle(req, res) {
  const parts = [];
  req.on('data', (d) => parts.push(d));
  req.on('end', () => {
    const body = Buffer.concat(parts).toString('utf8');
    const url = new URL(req.url, 'http://mock');
    const [, first, ...rest] = url.pathname.split('/');
    const path = '/' + rest.join('/');
    const send = (status, value) => {
      res.writeHead(status, value === undefined ? {} : { 'content-type': 'application/json' });
      res.end(value === undefined ? '' : JSON.stringify(value));
    };
    if (first === 'infra') return proxy(req, path, url.search, body, res);
    if (first === '_stats') {
      const sessions = Object.fromEntries(Object.entries(vcenters).map(([k, v]) => [k, { opened: v.opened, deleted: v.deleted, open: v.sessions.size }]));
      const guest = Object.fromEntries(Object.entries(vcenters).map(([k, v]) => [k, v.guestServed.size]));
      return send(200, { sessions, guest_identities_served: guest, chunks, max_chunks_in_flight: maxInFlight, calls });
    }
    if (vcenters[first]) return answerVcenter(vcenters[first], req, path, url, send);
    if (prisms[first]) return answerPrism(prisms[first], req, path, url, body, send);
    return send(404, { message: 'unknown mock ' + first });
  });
}

createServer(handle).listen(Number(port), '127.0.0.1', () => console.log(`mock hypervisors on http://127.0.0.1:${port}`));
for (let i = 0; i + 2 < tls.length; i += 3) {
  const [tlsPort, key, cert] = tls.slice(i, i + 3);
  createTlsServer({ key: readFileSync(key), cert: readFileSync(cert) }, handle)
    .listen(Number(tlsPort), '127.0.0.1', () => console.log(`mock hypervisors on https://127.0.0.1:${tlsPort}`));
}
