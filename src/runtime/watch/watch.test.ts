import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithServices } from '../../../test-support/services.js';
import type { Alert } from '../../rules/index.js';
import type { RuntimeEvent } from '../event.js';
import type { TestContainer, TestHost } from '../__fixtures__/busybox-image.js';
import { buildBusyboxImage, removeContainers, sh, startContainer, startTestHost, staticBusybox, uniqueSuffix } from '../__fixtures__/busybox-image.js';
import type { AlertSink } from './alert-sinks.js';
import { runWatchLoop } from './watch-loop.js';
import { watch } from './watch.js';
import type { WatchResult } from './watch.js';
import { loadWatchRules } from './watch-rules.js';
import { createReplaySource } from '../sources/replay-source.js';

const SHELL = 'Shell spawned in container';
const OUTBOUND = 'Outbound connection outside allow list';
const PRIVILEGE = 'Privilege change in container';
const WRITE_ETC = 'Write below etc or binary directories in container';
const DRIFT = 'Drift executable not in image';

/**
 * End to end on real dockerd + bpftrace with the default rules: a container from an image built
 * here, attacks by `docker exec`, a hardened container doing its normal work, a host process.
 */
describeWithServices('rampart watch (real kernel events, default rules)', ['docker', 'bpftrace'], (services) => {
  const suffix = uniqueSuffix();
  const names = [`rt-watch-${suffix}`, `rt-hardened-${suffix}`];
  const recordFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'rampart-watch-')), 'events.jsonl');
  let image = '';
  let target: TestContainer;
  let hardened: TestContainer;
  let host: TestHost;
  const alerts: { alert: Alert; at: number }[] = [];
  const controller = new AbortController();
  let running: Promise<WatchResult>;
  let result: WatchResult;
  let events: RuntimeEvent[] = [];
  const shellLatency: number[] = [];
  const sink: AlertSink = { name: 'test', write: () => undefined, close: () => Promise.resolve(), dropped: () => 0 };

  beforeAll(async () => {
    image = await buildBusyboxImage(suffix);
    target = await startContainer(names[0] ?? '', [image, 'sleep', '600']);
    hardened = await startContainer(names[1] ?? '', [
      '--read-only', '--cap-drop=ALL', '--user', 'nobody', image,
      'sh', '-c', 'while true; do cat /etc/passwd > /dev/null; ls /srv > /dev/null; sleep 0.2; done',
    ]);
    host = await startTestHost(target, suffix, await staticBusybox());
    let ready: () => void = () => undefined;
    const attached = new Promise<void>((resolve) => (ready = resolve));
    running = watch({
      rules: [],
      source: { kind: 'bpftrace' },
      sinks: [sink],
      containers: [target.name, hardened.name],
      bpftrace: services.bpftrace,
      dockerHost: services.docker,
      record: recordFile,
      signal: controller.signal,
      onAlert: (alert) => alerts.push({ alert, at: Date.now() }),
      onReady: () => ready(),
    });
    await Promise.race([attached, running]);
    for (let i = 0; i < 3; i++) {
      const before = alerts.length;
      const start = Date.now();
      await sh('docker', ['exec', target.name, 'sh', '-c', `echo probe-${i} > /dev/null`]);
      await waitFor(() => alerts.slice(before).some((a) => a.alert.rule === SHELL));
      const hit = alerts.slice(before).find((a) => a.alert.rule === SHELL);
      if (hit !== undefined) shellLatency.push(hit.at - start);
    }
    await sh('docker', ['exec', target.name, 'sh', '-c', `nc -w 2 ${host.address} ${host.port} </dev/null; echo x > /etc/evil`]);
    await sh('docker', ['exec', '-u', '1000', target.name, '/suid/id']);
    await sh('docker', ['exec', target.name, 'setpriv', '--inh-caps', '+net_raw', 'id']);
    await sh('docker', ['exec', target.name, 'sh', '-c', 'cp /bin/busybox /tmp/true && /tmp/true']);
    spawnSync('sh', ['-c', 'cat /etc/hostname > /dev/null; ls / > /dev/null']);
    await waitFor(() => alerts.some((a) => a.alert.rule === DRIFT));
    await new Promise((resolve) => setTimeout(resolve, 1500)); // the hardened container keeps working meanwhile
    controller.abort();
    result = await running;
    events = readFileSync(recordFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as RuntimeEvent);
  });

  afterAll(async () => {
    controller.abort();
    await host?.close();
    await removeContainers(names);
    if (image !== '') await sh('docker', ['rmi', '-f', image]).catch(() => '');
  });

  const fired = (rule: string, container = names[0]): Alert[] =>
    alerts.map((a) => a.alert).filter((a) => a.rule === rule && a.outputFields['container.name'] === container);

  it('alerts on docker exec of a shell, with container, image and process fields (latency printed)', () => {
    console.log(`watch: shell alert latency after docker exec start: ${shellLatency.join(', ')} ms; ${result.events} events, drops ${JSON.stringify(result.drops)}`);
    const shell = fired(SHELL).find((a) => String(a.outputFields['proc.cmdline']).includes('probe-0'));
    expect(shell?.outputFields).toMatchObject({
      'container.id': target.id.slice(0, 12),
      'container.name': target.name,
      'container.image.repository': image.split(':')[0],
      'proc.cmdline': 'sh -c echo probe-0 > /dev/null',
    });
    expect(shell?.outputFields['proc.pname']).toEqual(expect.any(String));
    expect(shellLatency).toHaveLength(3);
  });

  it('alerts on the connection to the test host in a network namespace', () => {
    expect(fired(OUTBOUND).map((a) => a.outputFields['fd.name'])).toContain(`->${host.address}:${host.port}`);
  });

  it('alerts on the setuid binary and on capset (privilege change), and on the write below /etc', () => {
    expect(fired(PRIVILEGE).map((a) => a.outputFields['proc.exepath'])).toContain('/suid/id');
    expect(fired(PRIVILEGE).map((a) => a.outputFields['evt.type'])).toContain('capset');
    expect(fired(WRITE_ETC).map((a) => a.outputFields['fd.name'])).toContain('/etc/evil');
  });

  it('alerts on drift: a binary copied into the container and run', () => {
    expect(fired(DRIFT).map((a) => a.outputFields['proc.exepath'])).toContain('/tmp/true');
  });

  it('says nothing about the hardened container doing its normal work, nor about the host', () => {
    expect(events.some((e) => e['container.name'] === hardened.name)).toBe(true);
    expect(alerts.filter((a) => a.alert.outputFields['container.name'] === hardened.name)).toEqual([]);
    expect(events.filter((e) => e['container.name'] !== target.name && e['container.name'] !== hardened.name)).toEqual([]);
    expect(alerts.filter((a) => a.alert.source !== 'rampart' && !names.includes(String(a.alert.outputFields['container.name'])))).toEqual([]);
  });

  it('replaying the recorded events gives the same alerts (record/replay round trip)', async () => {
    const rules = await loadWatchRules([]);
    const replayed: string[] = [];
    await runWatchLoop({ source: createReplaySource(recordFile), engine: rules.engine, sinks: [], onAlert: (a) => replayed.push(a.rule) });
    const live = alerts.filter((a) => a.alert.source === 'syscall').map((a) => a.alert.rule);
    expect(replayed.sort()).toEqual(live.sort());
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
}
