import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RuntimeEvent } from '../event.js';
import { createContainerCache } from '../state/container-cache.js';
import type { DockerEngine } from '../state/docker-engine.js';
import type { ProcReader, ProcSnapshot } from '../state/proc-reader.js';
import { createProcessTable } from '../state/process-table.js';
import { createUserNames } from '../state/user-names.js';
import { parseSensorLine } from './bpftrace-record.js';
import { createRecordProcessor } from './record-processor.js';

const CID = 'c'.repeat(64);

function setup(): { run: (lines: string[]) => Promise<RuntimeEvent[]>; upper: string } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'rampart-proc-'));
  const upper = path.join(root, 'upper');
  mkdirSync(path.join(upper, 'tmp'), { recursive: true });
  writeFileSync(path.join(upper, 'tmp', 'dropped'), 'x');
  mkdirSync(path.join(root, '50', 'root', 'etc'), { recursive: true });
  writeFileSync(path.join(root, '50', 'root', 'etc', 'passwd'), 'root:x:0:0::/:/bin/sh\napp:x:1000:1000::/:/bin/sh\n');
  const procs = new Map<number, ProcSnapshot>([
    [1, { pid: 1, ppid: 0, comm: 'init', args: ['/sbin/init'], exepath: '/sbin/init', cwd: '/', uid: 0 }],
    [40, { pid: 40, ppid: 1, comm: 'containerd-shim', args: ['containerd-shim'], cwd: '/', uid: 0 }],
    [50, { pid: 50, ppid: 40, comm: 'app', args: ['app', '--serve'], exepath: '/app', cwd: '/srv', uid: 1000, containerId: CID, vpid: 1 }],
  ]);
  const proc: ProcReader = {
    read: (pid) => procs.get(pid),
    readVpidCwd: (pid) => ({ vpid: pid === 50 ? 1 : 7, cwd: '/srv' }),
    listPids: () => [...procs.keys()],
    rootPath: (pid, file) => path.join(root, String(pid), 'root', file),
    containerCgroupId: () => 44n,
  };
  const engine: DockerEngine = {
    inspectContainer: (id) =>
      Promise.resolve(id === CID ? { Id: CID, Name: '/shop', Config: { Image: 'shop/web:2' }, GraphDriver: { Data: { UpperDir: upper } } } : undefined),
    inspectImage: () => Promise.resolve(undefined),
  };
  const processor = createRecordProcessor({
    table: createProcessTable({ proc }),
    proc,
    containers: createContainerCache(engine),
    users: createUserNames(),
    clockOffsetNs: 1_000_000_000_000_000_000n,
  });
  return {
    upper,
    async run(lines) {
      const events: RuntimeEvent[] = [];
      for (const line of lines) {
        const record = parseSensorLine(line);
        if (record === undefined) throw new Error(`bad line ${line}`);
        events.push(...(await processor.process(record)));
      }
      return events;
    },
  };
}

describe('record processor', () => {
  it('builds an execve event with ancestry, container and user fields', async () => {
    const { run } = setup();
    const events = await run([
      'F\t50\t50\t10\t44\tapp\t51',
      'S\t51\t51\t11\t44\tapp\texecve\t/bin/sh',
      'A\t51\t51\t12\t44\tapp\t0\tsh',
      'A\t51\t51\t12\t44\tapp\t1\t-c',
      'A\t51\t51\t12\t44\tapp\t2\tid',
      'X\t51\t51\t13\t44\tsh\t50\t1000\t1000\t1000\t4294967295\t0\t40\t7\tapp\t/bin/sh',
      'R\t51\t51\t14\t44\tsh\texecve\t0',
    ]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      'evt.type': 'execve',
      'evt.res': 'SUCCESS',
      'evt.time': '1000000000000000014',
      'proc.name': 'sh',
      'proc.cmdline': 'sh -c id',
      'proc.args': '-c id',
      'proc.exepath': '/bin/sh',
      'proc.pname': 'app',
      'proc.aname': ['sh', 'app', 'containerd-shim', 'init'],
      'proc.apid': [51, 50, 40, 1],
      'proc.vpid': 7,
      'proc.cwd': '/srv/',
      'user.uid': 1000,
      'user.name': 'app',
      'user.loginuid': -1,
      'container.id': 'c'.repeat(12),
      'container.name': 'shop',
      'container.image.repository': 'shop/web',
      'container.image.tag': '2',
      'proc.is_exe_upper_layer': false,
      'evt.arg.flags': 'EXE_LOWER_LAYER',
    });
  });

  it('flags drift (upper layer) and setuid execs', async () => {
    const { run } = setup();
    const events = await run([
      'S\t50\t50\t11\t44\tapp\texecve\t/tmp/dropped',
      'A\t50\t50\t12\t44\tapp\t0\tdropped',
      'X\t50\t50\t13\t44\tdropped\t40\t1000\t0\t1000\t4294967295\t0\t1\t1\tcontainerd-shim\t/tmp/dropped',
      'R\t50\t50\t14\t44\tdropped\texecve\t0',
    ]);
    expect(events[0]).toMatchObject({ 'proc.is_exe_upper_layer': true, 'evt.arg.flags': 'EXE_UPPER_LAYER|EXE_SETUID', 'user.uid': 0, 'proc.args': '' });
  });

  it('tracks fds: open then connect, resolving relative paths against the cwd', async () => {
    const { run } = setup();
    const events = await run([
      'S\t50\t50\t1\t44\tapp\topenat\t-100\tconf/x.yml\t577\t420',
      'R\t50\t50\t2\t44\tapp\topenat\t5',
      'S\t50\t50\t3\t44\tapp\tconnect\t6\t2\t10.1.2.3\t8080',
      'R\t50\t50\t4\t44\tapp\tconnect\t-115',
      'S\t50\t50\t5\t44\tapp\tsetuid\t0',
      'R\t50\t50\t6\t44\tapp\tsetuid\t0',
      'S\t50\t50\t7\t44\tapp\tsetuid\t5',
      'R\t50\t50\t8\t44\tapp\tsetuid\t-1',
    ]);
    expect(events.map((e) => e['evt.type'])).toEqual(['openat', 'connect', 'setuid', 'setuid']);
    expect(events[0]).toMatchObject({
      'fd.name': '/srv/conf/x.yml',
      'fd.num': 5,
      'fd.typechar': 'f',
      'fd.directory': '/srv/conf',
      'evt.arg.flags': 'O_WRONLY|O_CREAT|O_TRUNC',
      'evt.is_open_write': true,
    });
    expect(events[1]).toMatchObject({ 'evt.res': 'EINPROGRESS', 'fd.typechar': '4', 'fd.sip': '10.1.2.3', 'fd.sport': 8080, 'fd.rip': '10.1.2.3' });
    expect(events[2]).toMatchObject({ 'user.uid': 1000, 'evt.arg.uid': 0 });
    expect(events[3]).toMatchObject({ 'user.uid': 0, 'evt.res': 'EPERM', 'evt.failed': true });
  });

  it('drops an exit without its enter and counts it', async () => {
    const { run } = setup();
    expect(await run(['R\t50\t50\t2\t44\tapp\topenat\t5'])).toEqual([]);
  });

  it('keeps the parent of an exec when the parent is already gone (stub from the exec record)', async () => {
    const { run } = setup();
    const events = await run([
      'S\t70\t70\t1\t44\trunc:[2:INIT]\texecve\t/bin/sh',
      'X\t70\t70\t2\t44\tsh\t69\t0\t0\t0\t4294967295\t0\t40\t3\trunc\t/bin/sh',
      'R\t70\t70\t3\t44\tsh\texecve\t0',
    ]);
    expect(events[0]).toMatchObject({ 'proc.pname': 'runc', 'proc.aname': ['sh', 'runc', 'containerd-shim', 'init'] });
  });

  it('marks host processes with container.id host', async () => {
    const { run } = setup();
    const events = await run(['S\t40\t40\t1\t1\tcontainerd-shim\tkill\t50\t9', 'R\t40\t40\t2\t1\tcontainerd-shim\tkill\t0']);
    expect(events[0]).toMatchObject({ 'container.id': 'host', 'evt.arg.sig': 'SIGKILL', 'evt.arg.pid': 50, 'proc.pname': 'init' });
  });
});
