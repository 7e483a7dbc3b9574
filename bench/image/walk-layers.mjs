/* global process, console, Buffer */
// Bench: walk every layer of a large image with Rampart (decompress, parse tar, verify digest and
// diffID, whiteouts, limits) and compare with the raw floor: reading and decompressing the same
// blobs, in the same run. Also checks that peak RSS stays flat when the image doubles in size.
//
//   npm run bench:image            (builds the image with mmdebstrap once, cached in $TMPDIR)
//
// Each measurement runs in a fresh child process so its peak RSS is its own.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';

const self = fileURLToPath(import.meta.url);
const cache = process.env.RAMPART_BENCH_CACHE ?? path.join(os.tmpdir(), 'rampart-bench-image');
const packages = 'python3,perl,curl,git,openssl';

async function child(mode, layout) {
  // modules load before the clock starts: the comparison is about the work, not start-up
  const { openImage, walkLayers } = await import('../../dist/image/index.js');
  const { Decompress } = await import('fzstd');
  const started = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  let detail = {};
  if (mode === 'walk') {
    const image = await openImage(`oci-dir:${layout}`);
    let entries = 0;
    let statusBytes = 0;
    await walkLayers(image, {
      async entry(entry, _layer, content) {
        entries++;
        if (entry.path === '/var/lib/dpkg/status') statusBytes = (await content()).length;
      },
    });
    await image.close();
    detail = { entries, statusBytes };
  } else {
    // the floor: read each layer blob and decompress it, discarding the output
    const index = JSON.parse(readFileSync(path.join(layout, 'index.json'), 'utf8'));
    const blob = (d) => path.join(layout, 'blobs', ...d.split(':'));
    const manifest = JSON.parse(readFileSync(blob(index.manifests[0].digest), 'utf8'));
    let bytes = 0;
    const sink = new Writable({ write(chunk, _e, cb) { bytes += chunk.length; cb(); } });
    // 'verify' adds what any correct reader must do too: hash the blob and the uncompressed stream
    const verify = mode === 'verify';
    for (const layer of manifest.layers) {
      const blobHash = createHash('sha256');
      const diffHash = createHash('sha256');
      const count = (chunk) => {
        bytes += chunk.length;
        if (verify) diffHash.update(chunk);
      };
      const source = createReadStream(blob(layer.digest), { highWaterMark: 256 * 1024 });
      if (verify) source.on('data', (chunk) => blobHash.update(chunk));
      if (layer.mediaType.endsWith('+gzip')) {
        await pipeline(source, createGunzip({ chunkSize: 256 * 1024 }), new Writable({ write(chunk, _e, cb) { count(chunk); cb(); } }));
      } else {
        const d = new Decompress((data) => count(data));
        for await (const chunk of source) d.push(chunk);
        d.push(new Uint8Array(0), true);
      }
      if (verify && `sha256:${blobHash.digest('hex')}` !== layer.digest) throw new Error('digest mismatch');
    }
    sink.destroy();
    detail = { uncompressedBytes: bytes };
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  // VmHWM is this process's own peak (getrusage's maxRSS can carry the parent's across exec)
  const hwm = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0);
  process.stdout.write(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMiB: hwm / 1024, ...detail }));
}

function run(mode, layout) {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [self, '--child', mode, layout], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (c) => (out += c));
    p.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`${mode} ${layout} exited ${code}`))));
  });
}

const sha = (file) => `sha256:${createHash('sha256').update(readFileSync(file)).digest('hex')}`;

async function prefixTar(input, output, prefix) {
  // the same rootfs under another directory: a second, distinct layer of the same size
  const { extract, pack } = await import('tar-stream');
  const ex = extract();
  const pk = pack();
  const done = pipeline(pk, createWriteStream(output));
  const reading = pipeline(createReadStream(input), ex);
  for await (const entry of ex) {
    const header = { ...entry.header, name: `${prefix}/${entry.header.name.replace(/^\.\//, '')}` };
    if (header.type === 'link') header.linkname = `${prefix}/${header.linkname.replace(/^\.\//, '')}`;
    const chunks = [];
    for await (const c of entry) chunks.push(c);
    await new Promise((resolve, reject) => pk.entry(header, Buffer.concat(chunks), (e) => (e ? reject(e) : resolve())));
  }
  await reading;
  pk.finalize();
  await done;
}

function writeLayout(dir, tars, compression) {
  mkdirSync(path.join(dir, 'blobs', 'sha256'), { recursive: true });
  const put = (file) => {
    const digest = sha(file);
    execFileSync('mv', [file, path.join(dir, 'blobs', 'sha256', digest.slice(7))]);
    return digest;
  };
  const layers = tars.map((tar, i) => {
    const out = path.join(dir, `layer-${i}.tmp`);
    const tool = compression === 'gzip' ? ['gzip', ['-6', '-c', tar]] : ['zstd', ['-3', '-q', '-c', tar]];
    execFileSync('sh', ['-c', `${tool[0]} ${tool[1].map((a) => `'${a}'`).join(' ')} > '${out}'`]);
    const size = statSync(out).size;
    return { mediaType: `application/vnd.oci.image.layer.v1.tar+${compression}`, digest: put(out), size };
  });
  const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: tars.map(sha) } }));
  writeFileSync(path.join(dir, 'config.tmp'), config);
  const configDigest = put(path.join(dir, 'config.tmp'));
  const manifest = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: configDigest, size: config.length }, layers }));
  writeFileSync(path.join(dir, 'manifest.tmp'), manifest);
  const manifestDigest = put(path.join(dir, 'manifest.tmp'));
  writeFileSync(path.join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
  writeFileSync(path.join(dir, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: manifestDigest, size: manifest.length }] }));
}

async function prepare() {
  mkdirSync(cache, { recursive: true });
  const rootfs = path.join(cache, 'rootfs.tar');
  if (!existsSync(rootfs)) {
    console.log(`building a Debian bookworm minbase + ${packages} rootfs with mmdebstrap (once)...`);
    execFileSync('mmdebstrap', ['--variant=minbase', `--include=${packages}`, '--aptopt=Acquire::Check-Valid-Until "false"', 'bookworm', `${rootfs}.tmp`, 'http://deb.debian.org/debian'], { stdio: ['ignore', 'ignore', 'inherit'] });
    execFileSync('mv', [`${rootfs}.tmp`, rootfs]);
  }
  const copy = path.join(cache, 'rootfs-copy.tar');
  if (!existsSync(copy)) await prefixTar(rootfs, copy, 'copy');
  const layouts = {};
  for (const [name, tars, compression] of [['gzip-1x', [rootfs], 'gzip'], ['zstd-1x', [rootfs], 'zstd'], ['gzip-2x', [rootfs, copy], 'gzip']]) {
    const dir = path.join(cache, name);
    if (!existsSync(path.join(dir, 'index.json'))) writeLayout(dir, tars, compression);
    layouts[name] = dir;
  }
  return { layouts, rootfsBytes: statSync(rootfs).size };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const { layouts, rootfsBytes } = await prepare();
  console.log(`image: ${(rootfsBytes / 2 ** 20).toFixed(0)} MiB uncompressed per rootfs layer (${packages})`);
  const rounds = Number(process.env.RAMPART_BENCH_ROUNDS ?? 5);
  console.log(`load average: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} CPUs (wall times are noisy on a shared machine; CPU time is steadier)`);
  const results = {};
  for (const name of ['gzip-1x', 'zstd-1x', 'gzip-2x']) {
    const walks = [];
    const floors = [];
    const verifies = [];
    for (let i = 0; i < rounds; i++) {
      floors.push(await run('floor', layouts[name]));
      walks.push(await run('walk', layouts[name]));
      verifies.push(await run('verify', layouts[name]));
    }
    const verifyCpu = median(verifies.map((r) => r.cpuMs));
    const walkMs = median(walks.map((r) => r.ms));
    const floorMs = median(floors.map((r) => r.ms));
    const walkCpu = median(walks.map((r) => r.cpuMs));
    const floorCpu = median(floors.map((r) => r.cpuMs));
    results[name] = { walkMs, floorMs, walkRss: Math.max(...walks.map((r) => r.maxRssMiB)), floorRss: Math.max(...floors.map((r) => r.maxRssMiB)), entries: walks[0].entries };
    console.log(
      `${name.padEnd(8)} wall: walk ${walkMs.toFixed(0).padStart(6)} ms / floor ${floorMs.toFixed(0).padStart(6)} ms = ${(walkMs / floorMs).toFixed(2)}x   ` +
        `cpu: walk ${walkCpu.toFixed(0).padStart(6)} ms / floor ${floorCpu.toFixed(0).padStart(6)} ms = ${(walkCpu / floorCpu).toFixed(2)}x   ` +
        `peak RSS walk ${results[name].walkRss.toFixed(0)} MiB / floor ${results[name].floorRss.toFixed(0)} MiB  (${walks[0].entries} entries)`,
    );
    console.log(`${''.padEnd(8)} cpu: floor + the two sha256 checks ${verifyCpu.toFixed(0)} ms; walk / (floor + checks) = ${(walkCpu / verifyCpu).toFixed(2)}x`);
  }
  const growth = results['gzip-2x'].walkRss / results['gzip-1x'].walkRss;
  console.log(`peak RSS when the image doubles (gzip 1x → 2x): ${results['gzip-1x'].walkRss.toFixed(0)} → ${results['gzip-2x'].walkRss.toFixed(0)} MiB (x${growth.toFixed(2)})`);
  console.log(`goal: ratio <= 1.5x the floor; peak RSS flat in image size`);
}

if (process.argv[2] === '--child') await child(process.argv[3], process.argv[4]);
else await main();
