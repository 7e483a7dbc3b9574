import { describe, expect, it } from 'vitest';
import { RampartError } from './errors.js';
import { createRegistry } from './registry.js';

const unit = (id: string, version = 1, description = 'a unit') => ({ id, version, description });

describe('createRegistry', () => {
  it('sorts units by id and looks them up', () => {
    const registry = createRegistry('check', [unit('k8s/b'), unit('a-one'), unit('k8s/a')]);
    expect(registry.units.map((u) => u.id)).toEqual(['a-one', 'k8s/a', 'k8s/b']);
    expect(registry.get('k8s/a')?.id).toBe('k8s/a');
    expect(registry.has('missing')).toBe(false);
  });

  it.each([
    ['duplicate id', [unit('x'), unit('x')], /duplicate id x/],
    ['upper-case id', [unit('Bad')], /malformed id/],
    ['empty id', [unit('')], /malformed id/],
    ['trailing slash', [unit('k8s/')], /malformed id/],
    ['version 0', [unit('x', 0)], /invalid version/],
    ['fractional version', [unit('x', 1.5)], /invalid version/],
    ['blank description', [unit('x', 1, ' ')], /no description/],
  ])('rejects a %s at construction', (_name, units, message) => {
    expect(() => createRegistry('check', units)).toThrow(message);
    expect(() => createRegistry('check', units)).toThrow(RampartError);
  });

  it('accepts a custom id pattern', () => {
    const registry = createRegistry('rule', [unit('Terminal shell in container')], { idPattern: /^\S.*$/ });
    expect(registry.units).toHaveLength(1);
  });
});
