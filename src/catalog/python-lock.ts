import type { Fact } from './fact.js';
import { collectLocked } from './npm-lockfile.js';

/** A package a Python lockfile pins (name as written, exact version, dev-only). */
export interface LockedPythonPackage {
  readonly name: string;
  readonly version: string;
  readonly dev: boolean;
}

/** A lockfile's packages, plus notes on entries that could not be inventoried (reported as unknowns). */
export type PythonLockResult = { ok: true; packages: LockedPythonPackage[]; notes?: string[] } | { ok: false; reason: string };

/** Package facts for locked Python packages (type pypi, dev marked), one per distinct name@version (production wins). */
export function pythonPackageFacts(path: string, packages: readonly LockedPythonPackage[]): Fact[] {
  const out = collectLocked();
  for (const p of packages) out.add(p);
  return out.list().map((p): Fact => ({ kind: 'package', path, package: { type: 'pypi', name: p.name, version: p.version, licenses: [], ...(p.dev ? { dev: true } : {}) } }));
}
