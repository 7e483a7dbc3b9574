import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * Test fixtures for the runtime end-to-end suites: a busybox-static image built in the test
 * (`docker import` of a tiny root filesystem), containers with unique names, and a test host in a
 * network namespace reachable from a container through a veth pair (only addresses we create).
 */

const run = promisify(execFile);

export async function sh(command: string, args: readonly string[]): Promise<string> {
  const { stdout } = await run(command, [...args], { maxBuffer: 16 * 1024 * 1024 });
  return stdout.trim();
}

export const uniqueSuffix = (): string => randomBytes(4).toString('hex');

/** A static busybox: the host's when static, else Debian's busybox-static, cached under tmp. */
export async function staticBusybox(): Promise<string> {
  const cache = path.join(os.tmpdir(), 'rampart-runtime-fixtures');
  const binary = path.join(cache, 'root', 'bin', 'busybox');
  if (existsSync(binary)) return binary;
  mkdirSync(cache, { recursive: true });
  const work = mkdtempSync(path.join(cache, 'dl-'));
  await run('apt-get', ['download', 'busybox-static'], { cwd: work });
  const deb = readdirSync(work).find((f) => f.endsWith('.deb'));
  if (deb === undefined) throw new Error('apt-get download busybox-static produced no .deb');
  await run('dpkg-deb', ['-x', path.join(work, deb), path.join(cache, 'root')]);
  rmSync(work, { recursive: true, force: true });
  return binary;
}

const APPLETS = ['sh', 'cat', 'cp', 'chmod', 'echo', 'id', 'ls', 'nc', 'setpriv', 'sleep', 'su', 'true', 'touch', 'wget'];

/** Builds `rampart-rt-<suffix>:1` from a busybox rootfs; includes `/suid/id`, a setuid-root copy. */
export async function buildBusyboxImage(suffix: string): Promise<string> {
  const busybox = await staticBusybox();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rampart-rt-rootfs-'));
  try {
    const root = path.join(dir, 'root');
    for (const d of ['bin', 'etc', 'tmp', 'suid', 'srv']) mkdirSync(path.join(root, d), { recursive: true });
    chmodSync(path.join(root, 'tmp'), 0o1777);
    copyFileSync(busybox, path.join(root, 'bin', 'busybox'));
    chmodSync(path.join(root, 'bin', 'busybox'), 0o755);
    for (const applet of APPLETS) symlinkSync('busybox', path.join(root, 'bin', applet));
    copyFileSync(busybox, path.join(root, 'suid', 'id'));
    chmodSync(path.join(root, 'suid', 'id'), 0o4755);
    writeFileSync(path.join(root, 'etc', 'passwd'), 'root:x:0:0:root:/root:/bin/sh\nappuser:x:1000:1000::/srv:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n');
    writeFileSync(path.join(root, 'etc', 'group'), 'root:x:0:\nappuser:x:1000:\nnogroup:x:65534:\n');
    const tar = path.join(dir, 'rootfs.tar');
    await run('tar', ['--numeric-owner', '--owner=0', '--group=0', '-C', root, '-cf', tar, '.']);
    const image = `rampart-rt-${suffix}:1`;
    await run('docker', ['import', tar, image]);
    return image;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface TestContainer {
  readonly name: string;
  readonly id: string;
  readonly pid: number;
}

export async function startContainer(name: string, args: readonly string[]): Promise<TestContainer> {
  const id = await sh('docker', ['run', '-d', '--name', name, '--network', 'none', ...args]);
  const pid = Number(await sh('docker', ['inspect', '-f', '{{.State.Pid}}', id]));
  return { name, id, pid };
}

export async function removeContainers(names: readonly string[]): Promise<void> {
  if (names.length > 0) await run('docker', ['rm', '-f', ...names]).catch(() => undefined);
}

export interface TestHost {
  /** Address of the test host, reachable from the container. */
  readonly address: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * A network namespace `rt-<suffix>` with a TCP listener, joined to the container's network
 * namespace by a veth pair (10.213.N.1 in the container, 10.213.N.2 on the test host).
 */
export async function startTestHost(container: TestContainer, suffix: string, busybox: string): Promise<TestHost> {
  const ns = `rt-${suffix}`;
  const subnet = 1 + (parseInt(suffix.slice(0, 2), 16) % 250);
  const inner = `rta${suffix.slice(0, 6)}`;
  const outer = `rtb${suffix.slice(0, 6)}`;
  const address = `10.213.${subnet}.2`;
  const port = 18_000 + (parseInt(suffix.slice(2, 6), 16) % 2000);
  await sh('ip', ['netns', 'add', ns]);
  await sh('ip', ['link', 'add', inner, 'type', 'veth', 'peer', 'name', outer]);
  await sh('ip', ['link', 'set', outer, 'netns', ns]);
  await sh('ip', ['link', 'set', inner, 'netns', String(container.pid)]);
  await sh('ip', ['netns', 'exec', ns, 'ip', 'addr', 'add', `${address}/30`, 'dev', outer]);
  await sh('ip', ['netns', 'exec', ns, 'ip', 'link', 'set', outer, 'up']);
  await sh('nsenter', ['-t', String(container.pid), '-n', 'ip', 'addr', 'add', `10.213.${subnet}.1/30`, 'dev', inner]);
  await sh('nsenter', ['-t', String(container.pid), '-n', 'ip', 'link', 'set', inner, 'up']);
  const listener: ChildProcess = spawn('ip', ['netns', 'exec', ns, busybox, 'nc', '-ll', '-p', String(port), '-e', '/bin/true'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  listener.stderr?.on('data', () => undefined);
  for (let i = 0; i < 40; i++) {
    const listening = await sh('ip', ['netns', 'exec', ns, 'cat', '/proc/net/tcp']);
    if (listening.includes(`:${port.toString(16).toUpperCase().padStart(4, '0')} 00000000:0000 0A`)) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    address,
    port,
    async close() {
      listener.kill('SIGKILL');
      await run('ip', ['netns', 'delete', ns]).catch(() => undefined);
    },
  };
}
