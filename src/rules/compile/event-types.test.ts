import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithTestdata } from '../../../test-support/shared-testdata.js';
import { parseCondition } from '../condition/parse-condition.js';
import { createFieldRegistry } from '../fields/field-registry.js';
import { conditionEventTypes } from './event-types.js';

interface Vector { line: number; test: string | null; call: string; args: (string | { symbol?: string; expr?: string })[] }

describeWithTestdata('event-type sets vs libsinsp filter_ppm_codes.json', (root) => {
  const vectors = (JSON.parse(readFileSync(path.join(root, 'falco', 'libs-vectors', 'filter_ppm_codes.json'), 'utf8')) as { vectors: Vector[] }).vectors;
  const universe = createFieldRegistry().eventNames;
  const sets = (filter: string): Set<string> => conditionEventTypes(parseCondition(filter), universe);
  const filters: Record<string, string> = { zerof: '(evt.type in ())', onef: '(evt.type exists)', neutral1: '(proc.name=cat)', neutral2: '(not proc.name=cat)' };
  const all = new Set(universe);
  const without = (names: string[]): Set<string> => new Set([...all].filter((x) => !names.includes(x)));
  const symbols: Record<string, Set<string>> = {
    openat_only: new Set(['openat']), not_openat: without(['openat']),
    openat_close_only: new Set(['openat', 'close']), not_openat_close: without(['openat', 'close']),
    all_events: all, no_events: new Set(),
  };
  /** Evaluates the test's C++ string expressions (`zerof+" and "+onef`) over its named filters. */
  const filterOf = (a: Vector['args'][number]): string => {
    if (typeof a === 'string') return a;
    if (a.symbol !== undefined) return filters[a.symbol] ?? a.symbol;
    return (a.expr ?? '').split('+').map((part) => {
      const t = part.trim().replace(/^\(|\)$/g, '');
      return t.startsWith('"') ? (JSON.parse(t) as string) : (filters[t] ?? t);
    }).join('');
  };
  const testVectors = vectors.filter((v) => v.test !== null && v.args[0] !== undefined);

  it('matches every ASSERT_FILTER_SET_EQ / ASSERT_FILTER_EQ', () => {
    let pass = 0;
    const failures: string[] = [];
    const real = testVectors;
    for (const v of real) {
      const left = sets(filterOf(v.args[1] as Vector['args'][number]));
      const r = v.args[2] as Vector['args'][number];
      const right = v.call === 'ASSERT_FILTER_SET_EQ' && typeof r === 'object' && r.symbol !== undefined && symbols[r.symbol] !== undefined
        ? (symbols[r.symbol] as Set<string>) : sets(filterOf(r));
      const same = left.size === right.size && [...left].every((x) => right.has(x));
      if (same) pass++;
      else failures.push(`${v.line}: ${filterOf(v.args[1] as Vector['args'][number])}`);
    }
    console.log(`event-type vectors (filter_ppm_codes.json): ${pass}/${real.length} pass`);
    expect(failures).toEqual([]);
  });
});

it('gives all types for conditions without evt.type', () => {
  expect(conditionEventTypes(parseCondition('proc.name = cat'), ['open', 'close']).size).toBe(2);
});
