import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithServices } from '../../../test-support/services.js';
import type { CliIo } from '../io.js';
import { main } from '../main.js';

/** A 129-byte static x86-64 ELF that loops on pause(2): enough for a container that stays up. */
function pauseElf(): Buffer {
  const code = Buffer.from([0xb8, 0x22, 0, 0, 0, 0x0f, 0x05, 0xeb, 0xf7]);
  const size = 64 + 56 + code.length;
  const elf = Buffer.alloc(size);
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]).copy(elf, 0);
  elf.writeUInt16LE(2, 16); // ET_EXEC
  elf.writeUInt16LE(0x3e, 18); // x86-64
  elf.writeUInt32LE(1, 20);
  elf.writeBigUInt64LE(0x400000n + 120n, 24); // entry
  elf.writeBigUInt64LE(64n, 32); // program headers
  elf.writeUInt16LE(64, 52);
  elf.writeUInt16LE(56, 54);
  elf.writeUInt16LE(1, 56);
  elf.writeUInt32LE(1, 64); // PT_LOAD
  elf.writeUInt32LE(5, 68); // R+X
  elf.writeBigUInt64LE(0x400000n, 80);
  elf.writeBigUInt64LE(0x400000n, 88);
  elf.writeBigUInt64LE(BigInt(size), 96);
  elf.writeBigUInt64LE(BigInt(size), 104);
  elf.writeBigUInt64LE(0x1000n, 112);
  code.copy(elf, 120);
  return elf;
}

/** A minimal ustar archive of the given entries. */
function tarOf(entries: readonly { name: string; mode: number; content?: Buffer }[]): Buffer {
  const blocks: Buffer[] = [];
  for (const entry of entries) {
    const header = Buffer.alloc(512);
    const content = entry.content ?? Buffer.alloc(0);
    const dir = entry.content === undefined;
    header.write(entry.name, 0);
    header.write(`${entry.mode.toString(8).padStart(7, '0')}\0`, 100);
    header.write('0000000\0', 108);
    header.write('0000000\0', 116);
    header.write(`${content.length.toString(8).padStart(11, '0')}\0`, 124);
    header.write(`${(1700000000).toString(8).padStart(11, '0')}\0`, 136);
    header.write('        ', 148);
    header.write(dir ? '5' : '0', 156);
    header.write('ustar\u000000', 257);
    let sum = 0;
    for (const byte of header) sum += byte;
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    blocks.push(header, content, Buffer.alloc((512 - (content.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

function docker(args: readonly string[], input?: Buffer): string {
  const result = spawnSync('docker', args, { input, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`docker ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}

function captureIo(env: Record<string, string>): CliIo & { out: () => string } {
  let out = '';
  return { stdout: { write: (s: string) => (out += s) }, stderr: { write: () => true }, env, cwd: process.cwd(), out: () => out };
}

describeWithServices('rampart lint docker:CONTAINER against the real Docker Engine', ['docker'], (services) => {
  const suffix = randomBytes(4).toString('hex');
  const image = `rampart-lint-pause-${suffix}:1`;
  const hardened = `rampart-lint-hardened-${suffix}`;
  const loose = `rampart-lint-loose-${suffix}`;
  const env = { DOCKER_HOST: services.docker };

  beforeAll(() => {
    const tar = tarOf([
      { name: 'etc/', mode: 0o755 },
      { name: 'etc/passwd', mode: 0o644, content: Buffer.from('root:x:0:0:root:/:/pause\nnobody:x:65534:65534:nobody:/:/pause\n') },
      { name: 'etc/group', mode: 0o644, content: Buffer.from('root:x:0:\nnogroup:x:65534:\n') },
      { name: 'pause', mode: 0o755, content: pauseElf() },
    ]);
    docker(['import', '--change', 'CMD ["/pause"]', '-', image], tar);
    // --network none: the test needs no network (and the shared daemon's bridge may be absent).
    docker(['run', '-d', '--name', hardened, '--network', 'none', '--read-only', '--cap-drop=ALL', '--user', 'nobody', '--security-opt', 'no-new-privileges', '--memory', '64m', '--cpus', '0.5', '--pids-limit', '32', image]);
    // On these machines runc cannot start a privileged container (root lacks cap_sys_resource), so
    // the container is created with the same configuration and started when the host allows it:
    // the Engine's inspect document, which lint reads, is the same either way.
    docker(['create', '--name', loose, '--network', 'none', '--privileged', '-v', '/var/run/docker.sock:/var/run/docker.sock', image]);
    const started = spawnSync('docker', ['start', loose], { encoding: 'utf8' });
    if (started.status !== 0) console.warn(`privileged container created but not started on this host: ${started.stderr.trim().split('\n')[0] ?? ''}`);
  });
  afterAll(() => {
    spawnSync('docker', ['rm', '-f', hardened, loose]);
    spawnSync('docker', ['rmi', image]);
  });

  it('passes a container started with the seed lockdown flags', async () => {
    const io = captureIo(env);
    const code = await main(['lint', `docker:${hardened}`, '-f', 'json'], { io });
    const report = JSON.parse(io.out()) as { findings: { checkId: string; severity: string }[] };
    expect(report.findings.filter((f) => f.severity !== 'low')).toEqual([]);
    expect(code).toBe(0);
  });

  it('fails a privileged container with the Docker socket mounted', async () => {
    const io = captureIo(env);
    const code = await main(['lint', `docker:${loose}`, '-f', 'json'], { io });
    const report = JSON.parse(io.out()) as { findings: { checkId: string; severity: string; location: { file?: string } }[] };
    const ids = new Set(report.findings.map((f) => f.checkId));
    expect(code).toBe(1);
    for (const id of ['runtime/privileged', 'runtime/docker-socket-mount', 'runtime/non-root-user', 'runtime/read-only-root-filesystem', 'runtime/cap-drop-all', 'runtime/memory-limit']) {
      expect(ids, id).toContain(id);
    }
    expect(report.findings[0]?.location.file).toBe(`docker:${loose}`);
  });

  it('lints the daemon image when no container has the name (config and squashed filesystem)', async () => {
    const io = captureIo(env);
    await main(['lint', `docker:${image}`, '-f', 'json', '--fail-on', 'low'], { io });
    const report = JSON.parse(io.out()) as { findings: { checkId: string }[] };
    const ids = report.findings.map((f) => f.checkId);
    expect(ids).toContain('runtime/non-root-user');
    expect(ids.filter((id) => id.startsWith('image/'))).toEqual([]);
  });

  it('exits 2 for a container that does not exist', async () => {
    expect(await main(['lint', `docker:rampart-missing-${suffix}`], { io: captureIo(env) })).toBe(2);
  });
});
