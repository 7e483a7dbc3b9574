import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { commands } from './cli/commands/index.js';
import type { Registry, Unit } from './core/index.js';
import { createRegistry } from './core/index.js';

const src = path.dirname(fileURLToPath(import.meta.url));

function isRegistry(value: unknown): value is Registry<Unit> {
  return (
    typeof value === 'object' && value !== null && 'kind' in value && 'units' in value && Array.isArray(value.units) && 'get' in value
  );
}

/** Every registry any domain exports from its index, found by walking src/<domain>/index.ts. */
async function discoverRegistries(): Promise<{ where: string; registry: Registry<Unit> }[]> {
  const found: { where: string; registry: Registry<Unit> }[] = [];
  for (const domain of readdirSync(src, { withFileTypes: true })) {
    const index = path.join(src, domain.name, 'index.ts');
    if (!domain.isDirectory() || domain.name === 'cli' || !existsSync(index)) continue;
    const exports = (await import(pathToFileURL(index).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      if (isRegistry(value)) found.push({ where: `${domain.name}.${name}`, registry: value });
    }
  }
  return found;
}

describe('every registry', async () => {
  const registries = await discoverRegistries();

  it.each(registries.map((r) => [r.where, r.registry] as const))('%s is sorted, unique and rebuildable', (_where, registry) => {
    const ids = registry.units.map((u) => u.id);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    // rebuilding from the same units re-runs every construction check
    expect(() => createRegistry(registry.kind, registry.units)).not.toThrow();
    for (const unit of registry.units) {
      expect(registry.get(unit.id)).toBe(unit);
      if (registry.unitDir !== undefined) {
        expect(existsSync(path.join(src, registry.unitDir, `${unit.id}.ts`)), `${unit.id} lives in ${registry.unitDir}/${unit.id}.ts`).toBe(true);
      }
    }
  });

  it('the CLI command list has unique names', () => {
    const names = commands.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual(names);
  });

  it.each(commands.map((c) => [c.name, c] as const))('the lazy CLI command %s loads a command of that name', async (name, lazy) => {
    expect((await lazy.load()).name).toBe(name);
  });
});
