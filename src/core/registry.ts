import { RampartError } from './errors.js';

/** Every registrable unit has an id and a version (bumped on behaviour change). */
export interface Unit {
  readonly id: string;
  readonly version: number;
  readonly description: string;
}

/** Ids are lowercase kebab-case segments, optionally grouped with `/` (`k8s/no-host-network`). */
export const UNIT_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)*$/;

export interface Registry<U extends Unit> {
  /** The kind of unit, for error messages and the meta-test ("check", "analyzer"...). */
  readonly kind: string;
  /** Units sorted by id. */
  readonly units: readonly U[];
  /** Folder (relative to `src/`) holding one file per unit, named `<id>.ts`; checked by the meta-test. */
  readonly unitDir: string | undefined;
  get(id: string): U | undefined;
  has(id: string): boolean;
}

export interface RegistryOptions {
  /** Override the id pattern (e.g. Falco-style names); must still reject empty ids. */
  readonly idPattern?: RegExp;
  /** Folder (relative to `src/`) where each unit lives in `<id>.ts`. */
  readonly unitDir?: string;
}

/**
 * Builds a typed, sorted registry. Throws at construction on a malformed or duplicate id, a
 * non-positive version or an empty description, so a bad registry fails the first test that loads it.
 */
export function createRegistry<U extends Unit>(
  kind: string,
  units: readonly U[],
  options: RegistryOptions = {},
): Registry<U> {
  const pattern = options.idPattern ?? UNIT_ID;
  const byId = new Map<string, U>();
  for (const unit of units) {
    if (typeof unit.id !== 'string' || unit.id === '' || !pattern.test(unit.id)) {
      throw new RampartError('INTERNAL', `${kind} registry: malformed id ${JSON.stringify(unit.id)}`);
    }
    if (byId.has(unit.id)) {
      throw new RampartError('INTERNAL', `${kind} registry: duplicate id ${unit.id}`);
    }
    if (!Number.isInteger(unit.version) || unit.version < 1) {
      throw new RampartError('INTERNAL', `${kind} registry: ${unit.id} has invalid version ${String(unit.version)}`);
    }
    if (typeof unit.description !== 'string' || unit.description.trim() === '') {
      throw new RampartError('INTERNAL', `${kind} registry: ${unit.id} has no description`);
    }
    byId.set(unit.id, unit);
  }
  const sorted = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    kind,
    units: sorted,
    unitDir: options.unitDir,
    get: (id) => byId.get(id),
    has: (id) => byId.has(id),
  };
}
