import path from 'node:path';
import type { AnalyzerInput } from '../analyzer.js';
import { companionFiles, defineAnalyzer, unknownFact } from '../analyzer.js';
import type { CargoManifest } from '../cargo-lock.js';
import { parseCargoLock, parseCargoManifest } from '../cargo-lock.js';
import type { Fact } from '../fact.js';

function analyzeCargo(lock: AnalyzerInput): Fact[] {
  if (path.posix.basename(lock.path) !== 'Cargo.lock') return []; // manifests are read beside their lockfile
  const facts: Fact[] = [];
  const manifests = companionFiles(lock).filter((i) => path.posix.basename(i.path) === 'Cargo.toml');
  const dir = path.posix.dirname(lock.path);
  // The workspace's manifests: Cargo.toml beside the lockfile and below it (members).
  const near = new Map<string, CargoManifest>();
  for (const m of manifests) {
    const rel = path.posix.relative(dir, path.posix.dirname(m.path)) || '.';
    if (rel.startsWith('..')) continue;
    const parsed = parseCargoManifest(m.content.toString('utf8'));
    if (parsed.ok) near.set(rel, parsed.manifest);
    else if (rel === '.') facts.push(unknownFact(m.path, `Cargo.toml: ${parsed.reason} (dev-dependencies of ${lock.path} not set apart)`));
  }
  const parsed = parseCargoLock(lock.content.toString('utf8'), near);
  if (!parsed.ok) {
    facts.push(unknownFact(lock.path, `Cargo.lock: ${parsed.reason}`));
    return facts;
  }
  for (const c of parsed.crates) {
    facts.push({ kind: 'package', path: lock.path, package: { type: 'cargo', name: c.name, version: c.version, licenses: [], ...(c.dev ? { dev: true } : {}) } });
  }
  return facts;
}

/** Rust crates a project locks in Cargo.lock (v1-v4); the Cargo.toml files beside it mark dev-only crates. */
export const cargoLock = defineAnalyzer({
  id: 'cargo-lock',
  version: 1,
  description: 'Rust crates locked in Cargo.lock (v1-v4), dev-only crates marked from Cargo.toml',
  declared: true,
  required(file) {
    return file.endsWith('/Cargo.lock') || file.endsWith('/Cargo.toml');
  },
  readsCompanions: true,
  analyze: analyzeCargo,
});
