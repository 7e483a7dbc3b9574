/* global process, console */
// Rules engine throughput: a replayed, realistic syscall mix (exec, open, connect, accept, setuid, ...)
// against the three official Falco rule files, on one core (single thread). Compares Rampart's
// event-type-indexed engine with the same compiled rules evaluated without the index (what a naive
// evaluator does), and prints events/s and the ratio. Falco itself is not installable here (kernel
// driver, no binary in the package mirrors), so it is not part of the comparison.
// Usage: npm run build && node bench/rules/bench.mjs [seconds]
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rules } from '../../dist/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const testdata = process.env.RAMPART_TESTDATA ?? path.resolve(here, '..', '..', '..', 'shared', 'testdata');
const dir = path.join(testdata, 'falco', 'rules');
const files = ['falco_rules.yaml', 'falco-incubating_rules.yaml', 'falco-sandbox_rules.yaml'];
const seconds = Number(process.argv[2] ?? 3);

const loaded = rules.loadRules(files.map((f) => ({ name: f, content: readFileSync(path.join(dir, f), 'utf8') })));
const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
if (errors.length > 0) throw new Error(errors.map(rules.formatDiagnostic).join('\n'));

// A deterministic mix shaped like a busy container host: mostly opens/reads of ordinary files,
// some execs, network connects/accepts, and rare privilege changes.
let seed = 42;
const rnd = (n) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
const pick = (a) => a[rnd(a.length)];
const procs = [
  { name: 'nginx', exepath: '/usr/sbin/nginx', aname: ['nginx', 'nginx', 'containerd-shim'], cmd: 'nginx -g daemon off;' },
  { name: 'python3', exepath: '/usr/bin/python3', aname: ['python3', 'gunicorn', 'containerd-shim'], cmd: 'python3 app.py' },
  { name: 'bash', exepath: '/bin/bash', aname: ['bash', 'sshd', 'systemd'], cmd: 'bash -i' },
  { name: 'sh', exepath: '/bin/sh', aname: ['sh', 'node', 'containerd-shim'], cmd: 'sh -c npm install' },
  { name: 'curl', exepath: '/usr/bin/curl', aname: ['curl', 'sh', 'node'], cmd: 'curl -s http://10.0.0.5/health' },
  { name: 'java', exepath: '/usr/bin/java', aname: ['java', 'java', 'containerd-shim'], cmd: 'java -jar app.jar' },
];
const paths = ['/etc/passwd', '/etc/hosts', '/var/log/app.log', '/tmp/x.sock', '/usr/lib/libc.so.6', '/proc/self/stat', '/etc/shadow', '/root/.ssh/authorized_keys', '/app/data.db', '/dev/null'];
const base = (p, i) => ({
  'evt.time': String(1732835000000000000n + BigInt(i) * 1000n), 'evt.dir': '<', 'evt.res': 'SUCCESS', 'evt.rawres': 0,
  'proc.pid': 1000 + (i % 50), 'proc.ppid': 900, 'proc.name': p.name, 'proc.exe': p.name, 'proc.exepath': p.exepath,
  'proc.cmdline': p.cmd, 'proc.args': p.cmd.split(' ').slice(1).join(' '), 'proc.pname': p.aname[1], 'proc.aname': p.aname,
  'proc.apid': [1000, 900, 1], 'proc.tty': p.name === 'bash' ? 34816 : 0, 'proc.cwd': '/', 'proc.sname': p.aname[2],
  'user.uid': i % 7 === 0 ? 0 : 1000, 'user.name': i % 7 === 0 ? 'root' : 'app', 'user.loginuid': -1,
  'container.id': i % 5 === 0 ? 'host' : 'abcdef012345', 'container.name': 'web', 'container.image.repository': 'nginx', 'container.image.tag': '1.25',
  'container.privileged': false,
});
const events = [];
for (let i = 0; i < 20000; i++) {
  const p = pick(procs);
  const r = rnd(100);
  const e = base(p, i);
  if (r < 45) Object.assign(e, { 'evt.type': pick(['openat', 'open', 'openat2']), 'fd.name': pick(paths), 'fd.typechar': 'f', 'fd.type': 'file', 'fd.num': 5, 'evt.arg.flags': pick(['O_RDONLY', 'O_WRONLY|O_CREAT', 'O_RDWR']), 'evt.is_open_read': true, 'evt.is_open_write': r % 3 === 0 });
  else if (r < 60) Object.assign(e, { 'evt.type': 'execve', 'evt.arg.flags': 'EXE_WRITABLE' === pick(['x', 'EXE_WRITABLE']) ? 'EXE_WRITABLE' : '0' });
  else if (r < 75) Object.assign(e, { 'evt.type': 'connect', 'fd.type': 'ipv4', 'fd.typechar': '4', 'fd.sip': pick(['10.0.0.5', '169.254.169.254', '8.8.8.8']), 'fd.sport': pick([80, 443, 22, 4444]), 'fd.cip': '172.17.0.2', 'fd.l4proto': 'tcp', 'fd.name': '172.17.0.2:40000->10.0.0.5:80' });
  else if (r < 85) Object.assign(e, { 'evt.type': pick(['accept', 'accept4']), 'fd.type': 'ipv4', 'fd.typechar': '4', 'fd.sip': '172.17.0.2', 'fd.sport': 8080, 'fd.cip': '10.0.0.9', 'fd.l4proto': 'tcp' });
  else if (r < 90) Object.assign(e, { 'evt.type': pick(['setuid', 'setgid', 'setresuid']), 'evt.arg.uid': 0 });
  else if (r < 95) Object.assign(e, { 'evt.type': pick(['read', 'write', 'close']), 'fd.name': pick(paths), 'fd.type': 'file' });
  else Object.assign(e, { 'evt.type': pick(['clone', 'mmap', 'unlinkat', 'renameat2', 'chmod']), 'evt.arg.name': pick(paths) });
  events.push(e);
}
const mix = {};
for (const e of events) mix[e['evt.type']] = (mix[e['evt.type']] ?? 0) + 1;

const engine = rules.createRuleEngine(loaded.rules, loaded.registry, { mode: 'all' });
// Baseline: the same compiled predicates, every enabled rule tried on every event (no event-type index).
const naive = { match: (e) => engine.rules.filter((r) => r.predicate(e)) };
rules.benchRules(engine, events, 0.5); // warm-up
rules.benchRules(naive, events, 0.5);
// Interleaved rounds, best of each: the cores are shared with other jobs, so single runs are noisy.
const best = (a, b) => (b.eventsPerSecond > a.eventsPerSecond ? b : a);
let indexed = { eventsPerSecond: 0 };
let flat = { eventsPerSecond: 0 };
for (let round = 0; round < 4; round++) {
  indexed = best(indexed, rules.benchRules(engine, events, seconds / 4));
  flat = best(flat, rules.benchRules(naive, events, seconds / 4));
}
// The same replay timed by this process's CPU time (user + system): less sensitive to other jobs
// taking turns on the cores than wall-clock time, so it is the steadier figure on a loaded machine.
const cpuRate = (eng) => {
  const c0 = process.cpuUsage();
  const r = rules.benchRules(eng, events, seconds / 8);
  const c = process.cpuUsage(c0);
  return r.events / ((c.user + c.system) / 1e6);
};
let cpuIndexed = 0;
for (let round = 0; round < 4; round++) cpuIndexed = Math.max(cpuIndexed, cpuRate(engine));
const t0 = process.hrtime.bigint();
rules.loadRules(files.map((f) => ({ name: f, content: readFileSync(path.join(dir, f), 'utf8') })));
const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;
console.log(`machine: ${os.cpus().length} cpus, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} (other jobs share these cores; figures scale with it)`);
console.log(`load + compile of the 3 files: ${loadMs.toFixed(0)} ms`);
console.log(`rules: ${engine.rules.length} enabled of ${loaded.rules.length} compiled (3 official files); events in stream: ${events.length}`);
console.log(`mix: ${Object.entries(mix).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}=${v}`).join(' ')}`);
console.log(`rampart (event-type index): ${Math.round(indexed.eventsPerSecond).toLocaleString('en-US')} events/s (${indexed.alerts} matches in ${indexed.events} events)`);
console.log(`rampart (event-type index), per CPU-second of this process: ${Math.round(cpuIndexed).toLocaleString('en-US')} events/s`);
console.log(`naive (all rules per event): ${Math.round(flat.eventsPerSecond).toLocaleString('en-US')} events/s`);
console.log(`ratio indexed/naive: ${(indexed.eventsPerSecond / flat.eventsPerSecond).toFixed(2)}x; goal 1,000,000 events/s: ${indexed.eventsPerSecond >= 1e6 ? 'met' : 'not met'}`);
