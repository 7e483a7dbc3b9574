import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithServices } from '../../../test-support/services.js';
import type { RuntimeEvent } from '../event.js';
import { createDockerEngine } from '../state/docker-engine.js';
import type { TestContainer, TestHost } from '../__fixtures__/busybox-image.js';
import { buildBusyboxImage, removeContainers, sh, startContainer, startTestHost, staticBusybox, uniqueSuffix } from '../__fixtures__/busybox-image.js';
import type { BpftraceSensor } from './bpftrace-sensor.js';
import { createBpftraceSensor } from './bpftrace-sensor.js';

/** The sensor alone, on real dockerd + bpftrace: assert on the events it produces. */
describeWithServices('bpftrace sensor (real kernel events)', ['docker', 'bpftrace'], (services) => {
  const suffix = uniqueSuffix();
  const names = [`rt-sensor-${suffix}`, `rt-sensor-other-${suffix}`];
  let image = '';
  let target: TestContainer;
  let host: TestHost;
  let sensor: BpftraceSensor;
  const events: RuntimeEvent[] = [];
  let pump: Promise<void>;

  beforeAll(async () => {
    image = await buildBusyboxImage(suffix);
    target = await startContainer(names[0] ?? '', [image, 'sleep', '600']);
    await startContainer(names[1] ?? '', [image, 'sh', '-c', 'while true; do cat /etc/passwd >/dev/null; sleep 0.2; done']);
    host = await startTestHost(target, suffix, await staticBusybox());
    sensor = await createBpftraceSensor({
      bpftrace: services.bpftrace,
      docker: createDockerEngine(services.docker),
      eventTypes: new Set(['execve', 'connect', 'openat', 'setuid', 'capset']),
      containers: [target.name],
    });
    await sensor.ready;
    pump = (async () => {
      for await (const event of sensor.events()) events.push(event);
    })();
    await sh('docker', ['exec', target.name, 'sh', '-c', `echo hi > /tmp/note; nc -w 2 ${host.address} ${host.port} </dev/null; true`]);
    await sh('docker', ['exec', '-u', '1000', target.name, '/suid/id']);
    await sh('docker', ['exec', target.name, 'sh', '-c', 'cp /bin/busybox /tmp/true && /tmp/true']);
    spawnSync('sh', ['-c', 'cat /etc/hostname > /dev/null']);
    await waitFor(() => events.some((e) => e['proc.exepath'] === '/tmp/true'));
  });

  afterAll(async () => {
    await sensor?.stop();
    await pump;
    await host?.close();
    await removeContainers(names);
    if (image !== '') await sh('docker', ['rmi', '-f', image]).catch(() => '');
  });

  it('sees only the target container (cgroup filter): no host or other-container events', () => {
    const outside = events.filter((e) => e['container.name'] !== target.name);
    console.log(`sensor: ${events.length} events from ${target.name}, ${outside.length} from elsewhere; stats ${JSON.stringify(sensor.stats)}`);
    expect(events.length).toBeGreaterThan(0);
    expect(outside).toEqual([]);
  });

  it('reports docker exec of a shell with container, image and process fields', () => {
    const shell = events.find((e) => e['evt.type'] === 'execve' && e['proc.name'] === 'sh' && String(e['proc.cmdline']).includes('echo hi'));
    expect(shell).toMatchObject({
      'container.id': target.id.slice(0, 12),
      'container.name': target.name,
      'container.image.repository': image.split(':')[0],
      'container.image.tag': '1',
      'proc.exepath': '/bin/sh',
      'user.name': 'root',
      'evt.res': 'SUCCESS',
    });
    expect(shell?.['proc.pname']).toEqual(expect.any(String));
    expect(shell?.['proc.vpid']).not.toBe(1);
  });

  it('reports the connection to the test host with its tuple', () => {
    const connect = events.find((e) => e['evt.type'] === 'connect' && e['fd.sip'] === host.address);
    expect(connect).toMatchObject({ 'fd.sport': host.port, 'fd.typechar': '4', 'evt.res': 'SUCCESS', 'proc.name': 'nc' });
  });

  it('reports the write to /tmp/note with its resolved path and flags', () => {
    const open = events.find((e) => e['evt.type'] === 'openat' && e['fd.name'] === '/tmp/note');
    expect(open).toMatchObject({ 'evt.is_open_write': true, 'fd.typechar': 'f' });
  });

  it('flags the setuid exec and the drift exec', () => {
    const suid = events.find((e) => e['evt.type'] === 'execve' && e['proc.exepath'] === '/suid/id');
    expect(suid?.['evt.arg.flags']).toContain('EXE_SETUID');
    const drift = events.find((e) => e['evt.type'] === 'execve' && e['proc.exepath'] === '/tmp/true');
    expect(drift).toMatchObject({ 'proc.is_exe_upper_layer': true });
    expect(events.find((e) => e['evt.type'] === 'execve' && e['proc.exepath'] === '/bin/sh')?.['proc.is_exe_upper_layer']).toBe(false);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
}
