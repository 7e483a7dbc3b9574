/* global process, console */
// Throughput of `rampart lint` over the Kubernetes Pod Security fixtures (../shared/testdata), against
// the floor any YAML-based linter pays: parsing the same files with the same YAML library.
// No third-party Kubernetes linter (kube-score, Pod Security admission) is installable offline here,
// so the ratio is Rampart's full pipeline (read model with positions + every check + exceptions)
// over the bare parse. Run `npm run build` first.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { checkRegistry, findProfile, lintInput, readKubernetes } from '../../dist/lint/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const base = path.resolve(here, '..', '..', '..', 'shared', 'testdata', 'k8s-config', 'psa-testdata');
if (!existsSync(base)) {
  console.error(`no fixtures at ${base}`);
  process.exit(2);
}
const files = [];
for (const level of readdirSync(base)) {
  const levelDir = path.join(base, level);
  if (!existsSync(levelDir) || level.endsWith('.md')) continue;
  for (const version of readdirSync(levelDir)) {
    for (const verdict of ['pass', 'fail']) {
      const dir = path.join(levelDir, version, verdict);
      if (!existsSync(dir)) continue;
      for (const name of readdirSync(dir)) files.push([name, readFileSync(path.join(dir, name), 'utf8')]);
    }
  }
}
const profile = findProfile('rampart');
const options = { registry: checkRegistry, profile, context: { pssVersion: Number.POSITIVE_INFINITY }, today: '2026-01-01' };

function time(label, fn, rounds = 5) {
  const samples = [];
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)];
  console.log(`${label}: ${median.toFixed(1)} ms median of ${rounds} (${((files.length / median) * 1000).toFixed(0)} files/s)`);
  return median;
}

let findings = 0;
const parse = time('yaml parse only', () => {
  for (const [, text] of files) parseAllDocuments(text);
});
const lint = time('rampart lint (model + all checks)', () => {
  findings = 0;
  for (const [name, text] of files) {
    const read = readKubernetes(text, name);
    findings += lintInput({ target: name, workloads: read.workloads, meshPolicies: read.meshPolicies, inlineExceptions: [] }, options).findings.length;
  }
});
console.log(`${files.length} manifests, ${checkRegistry.units.length} checks, ${findings} findings`);
console.log(`ratio lint / parse: ${(lint / parse).toFixed(2)}x`);
