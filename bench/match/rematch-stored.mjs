// Bench: re-matching 1,000 stored SBOMs after adding advisories, without reading any image, against
// re-scanning the images from their tarballs (what Trivy/Grype users do: `trivy image` again).
//
// 1. Catalog two real images (bench/catalog/build-images.mjs: mmdebstrap bookworm + python3/nodejs/npm,
//    and the 3-layer image with an old npm app and a venv), through hard links in a private folder.
// 2. Store 1,000 SBOMs: variants of the two real inventories, each under its own target, with
//    language-package versions shifted down by 0-3 minor/patch steps (so variants match differently).
// 3. Build index v1 from the OSV records under ../shared/testdata/vulndb/osv whose ids date from before
//    2023, re-match all 1,000 once (their baseline).
// 4. Build index v2 from every OSV record there plus the GitHub npm advisories of the npm truth set
//    (../shared/testdata/vulndb/npm-ghsa/ghsa): the added advisories. Delete the image hard links,
//    count every file open under the image folders, re-match all 1,000: report what is new,
//    SBOMs/s, packages/s, and assert no image file was opened.
// 5. Re-scan a sample of the same images from their tarballs with Rampart's scanner (cold: no layer
//    cache; warm: layer cache filled), and print the ratio per image.
// Run: `npm run bench:rematch` (builds first). Absolute times are noisy on shared machines: read ratios.
import fs, { linkSync, copyFileSync, mkdtempSync, readdirSync, rmSync, existsSync } from 'node:fs';
import fsp from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';
import { buildImages, workDir as imageCacheDir } from '../catalog/build-images.mjs';
import { catalogTarget } from '../../dist/catalog/index.js';
import { openLayerCache } from '../../dist/image/index.js';
import { openSqliteSbomStore, recordInventory, rematchStored } from '../../dist/inventory/index.js';
import { createScanner } from '../../dist/scan/index.js';
import { buildIndex, openVulnIndex } from '../../dist/vulndb/index.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const testdata = process.env.RAMPART_TESTDATA ?? path.resolve(repo, '..', 'shared', 'testdata');
const osv = path.join(testdata, 'vulndb', 'osv');
const SBOMS = Number(process.env.REMATCH_SBOMS ?? 1000);
const work = mkdtempSync(path.join(os.tmpdir(), 'rampart-bench-rematch-'));
const out = (line) => process.stdout.write(`${line}\n`);
const secs = (ms) => (ms / 1000).toFixed(2);

try {
  // 1. the real images, reached through hard links that step 4 deletes
  const built = buildImages();
  const images = { large: built.large, multilayer: built.multilayer };
  const imageDir = path.join(work, 'images');
  fs.mkdirSync(imageDir);
  const linked = {};
  for (const [name, file] of Object.entries(images)) {
    const link = path.join(imageDir, `${name}.tar`);
    try {
      linkSync(file, link);
    } catch {
      copyFileSync(file, link);
    }
    linked[name] = link;
  }
  const inventories = {};
  let t = performance.now();
  for (const [name, file] of Object.entries(linked)) inventories[name] = await catalogTarget(`docker-archive:${file}`);
  const catalogMs = performance.now() - t;
  out(`catalog: ${Object.entries(inventories).map(([n, inv]) => `${n} ${inv.packages.length} packages`).join(', ')} in ${secs(catalogMs)} s`);

  // 2. 1,000 stored SBOMs
  const shift = (version, steps) => {
    const m = /^(\d+)\.(\d+)\.(\d+)(.*)$/.exec(version) ?? /^(\d+)\.(\d+)()(.*)$/.exec(version);
    if (m === null || steps === 0) return version;
    if (m[3] !== '' && Number(m[3]) >= steps) return `${m[1]}.${m[2]}.${Number(m[3]) - steps}`;
    return `${m[1]}.${Math.max(0, Number(m[2]) - steps)}${m[3] === '' ? '' : '.0'}`;
  };
  const variant = (base, i) => {
    const steps = i % 4;
    const packages = base.packages.map((p) => {
      if (p.ownedBy !== undefined || (p.type !== 'npm' && p.type !== 'pypi')) return p;
      const version = shift(p.version, (steps + p.name.length) % 4);
      return version === p.version ? p : { ...p, version, purl: p.purl.replace(`@${p.version}`, `@${version}`) };
    });
    return { ...base, target: `registry:bench.example/app-${String(i).padStart(4, '0')}:1.0`, imageId: `sha256:${i.toString(16).padStart(64, '0')}`, packages };
  };
  const store = openSqliteSbomStore(path.join(work, 'sbom-store.sqlite'));
  // two targets are the image files themselves (step 4 deletes them); the rest are variants
  const bases = [inventories.large, inventories.multilayer];
  t = performance.now();
  for (const inv of bases) await recordInventory(store, inv);
  for (let i = bases.length; i < SBOMS; i++) await recordInventory(store, variant(bases[i % 2], i));
  const storeMs = performance.now() - t;
  const storedPackages = (await store.list({ limit: SBOMS })).reduce((n, s) => n + s.inventory.packages.length, 0);
  out(`store: ${SBOMS} SBOMs (${storedPackages} packages) written in ${secs(storeMs)} s; store file with its WAL ${(['', '-wal'].reduce((n, x) => n + (existsSync(path.join(work, `sbom-store.sqlite${x}`)) ? fs.statSync(path.join(work, `sbom-store.sqlite${x}`)).size : 0), 0) / 1048576).toFixed(1)} MiB`);

  // 3. index v1 (part of the records) and the baseline match
  // v1: the OSV records with ids from before 2023 (GO-2022-…, PYSEC-2022-…, RUSTSEC-2022-…; GHSA ids carry no year)
  const dirs = ['golang-vulndb', 'pypa-advisory-database', 'rustsec-osv', 'github-advisory-database-npm-sample'].map((d) => path.join(osv, d));
  const records = dirs.flatMap((d) => readdirSync(d, { recursive: true }).filter((f) => /\.(json|ya?ml)$/.test(f)).map((f) => path.join(d, f)));
  const before2023 = records.filter((f) => Number(/-(\d{4})-/.exec(path.basename(f))?.[1] ?? 0) < 2023);
  const v1 = path.join(work, 'v1.sqlite');
  const v2 = path.join(work, 'v2.sqlite');
  t = performance.now();
  const b1 = await buildIndex({ db: v1, from: before2023 });
  out(`index v1: ${b1.records} records in ${secs(performance.now() - t)} s`);
  let index = openVulnIndex(v1);
  t = performance.now();
  const first = await rematchStored({ store, index });
  out(`baseline match (v1): ${first.totals.targets} SBOMs in ${secs(performance.now() - t)} s, ${first.totals.findings} findings`);
  index.close();

  // 4. add advisories (a second build with every record), remove the images, re-match
  t = performance.now();
  // v2: every OSV record, plus the 105 real GitHub npm advisories of the npm truth set
  const b2 = await buildIndex({ db: v2, from: [...dirs, path.join(testdata, 'vulndb', 'npm-ghsa', 'ghsa')] });
  out(`index v2: ${b2.records} records (+${b2.records - b1.records}) in ${secs(performance.now() - t)} s`);
  for (const file of Object.values(linked)) rmSync(file);
  const watched = [imageDir, imageCacheDir];
  const opened = [];
  const spy = (obj, name) => {
    const original = obj[name];
    obj[name] = function (file, ...rest) {
      const p = typeof file === 'string' ? path.resolve(file) : file instanceof URL ? fileURLToPath(file) : '';
      if (watched.some((w) => p.startsWith(w))) opened.push(`${name} ${p}`);
      return original.call(this, file, ...rest);
    };
    return () => (obj[name] = original);
  };
  const restore = [spy(fs, 'openSync'), spy(fs, 'open'), spy(fs, 'createReadStream'), spy(fs, 'readFileSync'), spy(fs, 'statSync'), spy(fsp, 'open'), spy(fsp, 'readFile'), spy(fsp, 'stat')];
  syncBuiltinESMExports();
  index = openVulnIndex(v2);
  t = performance.now();
  const report = await rematchStored({ store, index });
  const rematchMs = performance.now() - t;
  for (const r of restore) r();
  syncBuiltinESMExports();
  const s = report.totals;
  if (opened.length > 0) throw new Error(`re-matching opened image files: ${opened.slice(0, 5).join(', ')}`);
  if (s.targets !== SBOMS) throw new Error(`re-matched ${s.targets} of ${SBOMS} SBOMs`);
  const perSbomMs = rematchMs / s.targets;
  out(`re-match (v2): ${s.targets} SBOMs, ${s.packages} packages in ${secs(rematchMs)} s → ${Math.round(s.targets / (rematchMs / 1000))} SBOMs/s, ${Math.round(s.packages / (rematchMs / 1000))} packages/s`);
  out(`  new ${s.added}, changed ${s.changed}, resolved ${s.resolved} (findings now ${s.findings}, unknowns ${s.unknowns}); image files opened during re-match: ${opened.length} (image links deleted first: ${Object.values(linked).every((f) => !existsSync(f))})`);
  const byImage = (name) => report.targets.find((x) => x.target === `docker-archive:${linked[name]}`);
  out(`  the two image targets themselves: large ${byImage('large')?.added.length} new, multilayer ${byImage('multilayer')?.added.length} new`);

  // 5. the alternative: re-scan the same images from their tarballs (cold, then with a warm layer cache)
  const cache = openLayerCache({ home: path.join(work, 'cache-home') });
  const rows = [];
  for (const [name, file] of Object.entries(images)) {
    const cold = createScanner({ index });
    t = performance.now();
    const scanned = await cold.scan(`docker-archive:${file}`);
    const coldMs = performance.now() - t;
    // the re-match of the stored image target must find what a fresh scan of the image finds
    const key = (m) => `${m.id} ${m.package.name}@${m.package.version}`;
    const rematched = byImage(name);
    const scanKeys = scanned.matches.map(key).sort();
    if (rematched === undefined || rematched.findings !== scanKeys.length) throw new Error(`${name}: re-match found ${rematched?.findings} findings, a scan ${scanKeys.length}`);
    out(`  ${name}: a fresh scan of the image finds ${scanKeys.length} findings, the re-match of its stored SBOM ${rematched.findings}`);
    const warm = createScanner({ index, cache });
    await warm.scan(`docker-archive:${file}`);
    t = performance.now();
    await warm.scan(`docker-archive:${file}`);
    const warmMs = performance.now() - t;
    rows.push({ name, coldMs, warmMs });
  }
  cache.close();
  index.close();
  await store.close();
  for (const r of rows) {
    out(`re-scan ${r.name} from its tarball: cold ${secs(r.coldMs)} s (${Math.round(r.coldMs / perSbomMs)}x one stored re-match), warm layer cache ${secs(r.warmMs)} s (${Math.round(r.warmMs / perSbomMs)}x)`);
  }
  const coldAvg = rows.reduce((n, r) => n + r.coldMs, 0) / rows.length;
  const warmAvg = rows.reduce((n, r) => n + r.warmMs, 0) / rows.length;
  out(`ratio: re-matching a stored SBOM is ${Math.round(coldAvg / perSbomMs)}x faster than a cold re-scan and ${Math.round(warmAvg / perSbomMs)}x faster than a warm re-scan of the same images ` +
    `(${SBOMS} re-matches ${secs(rematchMs)} s vs ${SBOMS} cold re-scans ≈ ${secs(coldAvg * SBOMS)} s)`);
} finally {
  if (process.env.REMATCH_KEEP === undefined) rmSync(work, { recursive: true, force: true });
  else out(`kept ${work}`);
}
