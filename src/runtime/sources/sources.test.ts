import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RuntimeEvent } from '../event.js';
import { mapFalcoAlert } from './falco-alert-source.js';
import { createReplaySource } from './replay-source.js';
import { mapTetragonEvent } from './tetragon-source.js';
import { mapTraceeEvent } from './tracee-source.js';

describe('event sources', () => {
  it.each([
    [
      'falco alert',
      mapFalcoAlert({
        output: '...', priority: 'Warning', rule: 'Terminal shell in container', time: '2024-05-01T10:00:00.123456789Z', source: 'syscall',
        output_fields: { 'evt.type': 'execve', 'proc.name': 'bash', 'container.id': 'abc', 'proc.aname[2]': 'containerd-shim' },
      }),
      { 'evt.type': 'execve', 'proc.name': 'bash', 'container.id': 'abc', 'evt.time': '1714557600123456789', 'falco.rule': 'Terminal shell in container', 'proc.aname[2]': 'containerd-shim' },
    ],
    [
      'tracee openat',
      mapTraceeEvent({
        timestamp: 1657291777566819000, processId: 7, hostProcessId: 1948212, hostParentProcessId: 3795408, hostThreadId: 1948212, userId: 1000,
        processName: 'exa', containerId: '0123456789abcdef', containerImage: 'docker.io/library/nginx:1.25', containerName: 'web', eventName: 'openat', returnValue: 3,
        args: [{ name: 'dirfd', value: -100 }, { name: 'pathname', value: '/etc/ld.so.cache' }, { name: 'flags', value: 524288 }],
      }),
      { 'evt.type': 'openat', 'proc.pid': 1948212, 'proc.vpid': 7, 'fd.name': '/etc/ld.so.cache', 'fd.typechar': 'f', 'container.id': '0123456789ab', 'container.image.repository': 'docker.io/library/nginx', 'container.image.tag': '1.25', 'evt.rawres': 3, 'evt.time': '1657291777566819072' },
    ],
    [
      'tracee connect on the host',
      mapTraceeEvent({ eventName: 'security_socket_connect', processName: 'curl', containerId: '', args: [{ name: 'remote_addr', value: { sa_family: 'AF_INET', sin_addr: '1.2.3.4', sin_port: '443' } }] }),
      { 'evt.type': 'connect', 'container.id': 'host', 'fd.sip': '1.2.3.4', 'fd.sport': 443, 'fd.typechar': '4' },
    ],
    [
      'tetragon exec',
      mapTetragonEvent({
        time: '2023-10-01T12:00:00Z',
        process_exec: {
          process: { pid: 52699, uid: 0, cwd: '/', binary: '/usr/bin/curl', arguments: 'https://example.com', auid: 4294967295, docker: 'f2e7a6a2b8e4a9f00', pod: { namespace: 'default', name: 'xwing', container: { name: 'spaceship', image: { name: 'docker.io/tgraf/netperf:latest' } } } },
          parent: { pid: 52680, binary: '/bin/bash' },
        },
      }),
      { 'evt.type': 'execve', 'proc.name': 'curl', 'proc.cmdline': 'curl https://example.com', 'proc.pname': 'bash', 'user.loginuid': -1, 'container.id': 'f2e7a6a2b8e4', 'container.name': 'spaceship', 'container.image.repository': 'docker.io/tgraf/netperf', 'k8s.ns.name': 'default', 'k8s.pod.name': 'xwing', 'evt.time': '1696161600000000000' },
    ],
    [
      'tetragon tcp_connect kprobe',
      mapTetragonEvent({ process_kprobe: { process: { pid: 1, binary: '/usr/bin/nc' }, function_name: 'tcp_connect', args: [{ sock_arg: { family: 'AF_INET', protocol: 'IPPROTO_TCP', saddr: '10.0.0.2', daddr: '10.0.0.9', sport: 40000, dport: 80 } }] } }),
      { 'evt.type': 'connect', 'fd.sip': '10.0.0.9', 'fd.sport': 80, 'fd.cip': '10.0.0.2', 'fd.name': '10.0.0.2:40000->10.0.0.9:80', 'container.id': 'host' },
    ],
  ])('maps %s', (_name, event, expected) => {
    expect(event).toMatchObject(expected);
  });

  it.each([
    ['falco', mapFalcoAlert({ rule: 'x' })],
    ['tracee', mapTraceeEvent({ foo: 1 })],
    ['tetragon exit', mapTetragonEvent({ process_exit: { process: { pid: 1 } } })],
  ])('skips %s records without an event equivalent', (_name, event) => {
    expect(event).toBeUndefined();
  });

  it('replays a recorded file and rejects a line that is not JSON, naming file and line', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rampart-replay-'));
    const good = path.join(dir, 'good.jsonl');
    writeFileSync(good, '{"evt.type":"execve","proc.name":"sh"}\n\n{"no":"type"}\n{"evt.type":"openat"}\n');
    const seen: RuntimeEvent[] = [];
    for await (const e of createReplaySource(good).events()) seen.push(e);
    expect(seen.map((e) => e['evt.type'])).toEqual(['execve', 'openat']);
    const bad = path.join(dir, 'bad.jsonl');
    writeFileSync(bad, '{"evt.type":"execve"}\nnot json\n');
    const read = async (): Promise<void> => {
      for await (const _ of createReplaySource(bad).events()) void _;
    };
    await expect(read()).rejects.toMatchObject({ code: 'PARSE_ERROR', location: { file: bad, line: 2 } });
  });
});
