import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithTestdata } from '../../test-support/shared-testdata.js';
import { vectorTally } from '../../test-support/vector-tally.js';
import { parsePep440Parts } from './pep440-parts.js';
import type { PrereleasePolicy } from './pep440-prerelease-filter.js';
import {
  filterBySpecifier,
  parsePep440Specifier,
  specifierContains,
  specifierKey,
  specifierPrereleases,
  specifierToString,
} from './pep440-specifier.js';
import {
  combineSpecifierSets,
  filterBySpecifierSet,
  isSpecifierDisjoint,
  isSpecifierSetUnsatisfiable,
  isSpecifierSubset,
  parsePep440SpecifierSet,
  specifierSetContains,
  specifierSetsEqual,
  specifierSetToString,
} from './pep440-specifier-set.js';

interface Table {
  readonly test: string;
  readonly argnames: string | string[];
  readonly cases?: unknown[];
  readonly cases_expr?: string;
}

/**
 * Tables not run, with the reason. They test Python object behaviour, or packaging's internal
 * consistency between two of its own code paths, and carry no expected values to compare with.
 */
const EXCLUDED: Record<string, string> = {
  'TestSpecifier.test_specifiers_hash': 'Python __hash__ of Specifier objects',
  'TestSpecifierSet.test_specifiers_hash': 'Python __hash__ of SpecifierSet objects',
  'TestSpecifier.test_specifier_filter_with_key': 'Python key= callable; the table holds only result indexes of inputs defined in the test body',
  'TestSpecifierSet.test_specifierset_filter_with_key': 'Python key= callable; inputs defined in the test body',
  'TestSpecifierSet.test_empty_specifierset_filter_with_key': 'Python key= callable; inputs defined in the test body',
  'TestSpecifierInternal.test_spec_version_cache_consistency': "packaging's internal version cache; no expected values",
  'TestSpecifierInternal.test_spec_version_cache_with_wildcards': "packaging's internal version cache; no expected values",
  'TestSpecifierInternal.test_spec_version_cache_with_arbitrary_equality': "packaging's internal version cache; no expected values",
  'TestSpecifierInternal.test_spec_version_cache_compatible_operator': "packaging's internal version cache; no expected values",
  'TestSpecifierSet.test_set_relations_raise_on_prerelease_policy_mismatch': 'only method names; the policies compared are in the test body',
  'TestSpecifierSet.test_set_relations_require_specifierset': 'Python type check (passing a non-SpecifierSet object)',
  'TestIsUnsatisfiable.test_unsatisfiable': 'cases named by a constant (UNSATISFIABLE) the vectors file does not hold',
  'TestIsUnsatisfiable.test_satisfiable': 'cases named by a constant (SATISFIABLE) the vectors file does not hold',
  'TestIsUnsatisfiable.test_unsatisfiable_prereleases_false': 'cases named by a constant the vectors file does not hold',
  'TestIsUnsatisfiable.test_satisfiable_prereleases_false': 'cases named by a constant the vectors file does not hold',
  test_pickle_specifier_roundtrip: 'Python pickle',
  test_pickle_specifierset_roundtrip: 'Python pickle',
  test_specifier_construction_is_lazy: 'Python laziness of object construction',
  test_specifierset_construction_is_lazy: 'Python laziness of object construction',
  'TestSpecifierSetToRangeEquivalence.test_contains_equivalent': "equivalence of two packaging code paths (contains vs its range export); no expected values",
  'TestSpecifierSetToRangeEquivalence.test_filter_equivalent': 'equivalence of two packaging code paths; no expected values',
  'TestSpecifierSetToRangeEquivalence.test_to_specifier_set_roundtrip_matches': 'round trip through packaging-specific range objects',
  'TestSpecifierSetToRangeEquivalence.test_contains_equivalent_with_version_objects': 'equivalence of two packaging code paths; no expected values',
};

type Row = unknown[];
const str = (x: unknown): string => x as string;
const pol = (x: unknown): PrereleasePolicy => x as PrereleasePolicy;
const normalized = (v: string): string => parsePep440Parts(v)?.text ?? v;
const throws = (fn: () => unknown): boolean => {
  try {
    fn();
    return false;
  } catch {
    return true;
  }
};

/**
 * Reads the Python literal of a `cases_expr`: a list of tuples of strings, lists, None/True/False
 * and `Version('x')` (which becomes the normalised string `str(Version('x'))`). The file cuts long
 * expressions at 2,000 characters: only the complete top-level tuples are returned, with the
 * number of characters left unread.
 */
function readPythonLiteral(expr: string): { cases: unknown[]; truncated: boolean } {
  let out = '';
  let lastComplete = -1;
  let depth = 0;
  let i = 0;
  while (i < expr.length) {
    const c = expr[i]!;
    if (expr.startsWith("Version('", i)) {
      const end = expr.indexOf("')", i + 9);
      if (end < 0) break;
      out += JSON.stringify(normalized(expr.slice(i + 9, end)));
      i = end + 2;
    } else if (c === "'" || c === '"') {
      const end = expr.indexOf(c, i + 1);
      if (end < 0) break;
      out += JSON.stringify(expr.slice(i + 1, end));
      i = end + 1;
    } else if (c === '(' || c === '[') {
      out += '[';
      depth++;
      i++;
    } else if (c === ')' || c === ']') {
      out += ']';
      depth--;
      if (depth === 1) lastComplete = out.length;
      i++;
    } else {
      const word = /^(None|True|False)/.exec(expr.slice(i));
      if (word) {
        out += word[1] === 'None' ? 'null' : word[1] === 'True' ? 'true' : 'false';
        i += word[1]!.length;
      } else {
        out += c;
        i++;
      }
    }
  }
  const truncated = depth !== 0;
  const text = truncated ? `${out.slice(0, lastComplete)}]` : out;
  return { cases: JSON.parse(text) as unknown[], truncated };
}

function runCase(test: string, row: Row, versions: readonly string[]): boolean {
  const [a, b, c, d, e, f] = row;
  const set = (s: unknown, p: unknown = null) => parsePep440SpecifierSet(str(s), pol(p));
  switch (test) {
    case 'TestSpecifier.test_specifiers_valid':
      return !throws(() => parsePep440Specifier(str(row)));
    case 'TestSpecifier.test_specifiers_invalid':
      return throws(() => parsePep440Specifier(str(row)));
    case 'TestSpecifier.test_specifiers_normalized': {
      const ops = str(row).includes('+') ? ['==', '!='] : ['~=', '==', '!=', '<=', '>=', '<', '>'];
      return ops.every((op) => !throws(() => parsePep440Specifier(op + str(row))));
    }
    case 'TestSpecifier.test_specifiers_str_and_repr':
      return specifierToString(parsePep440Specifier(str(a))) === b;
    case 'TestSpecifierSet.test_specifiers_str_and_repr':
      return specifierSetToString(set(a)) === b;
    case 'TestSpecifier.test_comparison_true':
    case 'TestSpecifier.test_comparison_false': {
      const equal = specifierKey(parsePep440Specifier(str(a))) === specifierKey(parsePep440Specifier(str(b)));
      return (c === 'operator.eq') === (test.endsWith('true') ? equal : !equal);
    }
    case 'TestSpecifier.test_comparison_canonicalizes':
      return specifierKey(parsePep440Specifier(str(a))) === specifierKey(parsePep440Specifier(str(b)));
    case 'TestSpecifierSet.test_comparison_true':
    case 'TestSpecifierSet.test_comparison_false': {
      const equal = specifierSetsEqual(set(a), set(b));
      return (c === 'operator.eq') === (test.endsWith('true') ? equal : !equal);
    }
    case 'TestSpecifierSet.test_comparison_canonicalizes':
      return specifierSetsEqual(set(a), set(b));
    case 'TestSpecifier.test_specifiers':
    case 'TestSpecifier.test_arbitrary_equality':
    case 'TestSpecifierSet.test_comparison_ignores_local':
    case 'test_boundary_closure_short_release': {
      const [version, spec] = test === 'TestSpecifier.test_specifiers' || test === 'TestSpecifier.test_arbitrary_equality' ? [a, b] : test.includes('ignores_local') ? [a, b] : [b, a];
      return specifierContains(parsePep440Specifier(str(spec)), str(version)) === c && specifierSetContains(set(spec), str(version)) === c;
    }
    case 'TestSpecifier.test_invalid_version':
    case 'TestSpecifier.test_arbitrary_equality_normalization':
      return specifierContains(parsePep440Specifier(str(a)), str(b)) === c;
    case 'TestSpecifierSet.test_contains_arbitrary_equality_contains':
      return specifierSetContains(set(b), str(a)) === c;
    case 'TestSpecifierSet.test_contains_arbitrary_equality_normalization':
    case 'TestSpecifierSet.test_contains_post_release_boundary_intersection':
      return specifierSetContains(set(a), str(b)) === c;
    case 'TestSpecifierSet.test_contains_rejects_invalid_specifier':
      return specifierSetContains(set(a), str(b)) === false;
    case 'TestSpecifierSet.test_contains_oversized_version_raises_valueerror':
      return throws(() => specifierSetContains(set(row), '1.0'));
    case 'TestSpecifier.test_specifier_prereleases_set': {
      const initial = parsePep440Specifier(str(a), pol(b));
      const final = parsePep440Specifier(str(a), pol(c));
      return specifierContains(initial, str(d)) === e && specifierContains(final, str(d)) === f;
    }
    case 'TestSpecifierSet.test_specifier_prereleases_explicit': {
      return specifierSetContains(set(f, a), str(c)) === d && specifierSetContains(set(f, b), str(c)) === e;
    }
    case 'TestSpecifier.test_specifier_prereleases_detection':
      return (specifierPrereleases(parsePep440Specifier(str(a))) ?? false) === b;
    case 'TestSpecifier.test_specifiers_prereleases':
      return specifierContains(parsePep440Specifier(str(a), pol(c)), str(b), pol(d)) === e;
    case 'TestSpecifierSet.test_specifier_contains_installed_prereleases':
      return specifierSetContains(set(a, c), str(b), { prereleases: pol(d), installed: e === true }) === f;
    case 'TestSpecifier.test_specifier_filter':
      return JSON.stringify(filterBySpecifier(parsePep440Specifier(str(a), pol(b)), d as string[], pol(c))) === JSON.stringify(e);
    case 'TestSpecifier.test_specifier_filter_arbitrary_equality_normalization':
      return JSON.stringify(filterBySpecifier(parsePep440Specifier(str(a)), b as string[])) === JSON.stringify(c);
    case 'TestSpecifierSet.test_specifier_filter':
      return JSON.stringify(filterBySpecifierSet(set(a, b), d as string[], pol(c))) === JSON.stringify(e);
    case 'TestSpecifierSet.test_filter_exclusionary_bridges':
      return JSON.stringify(filterBySpecifierSet(set(a), c as string[], pol(b))) === JSON.stringify(d);
    case 'TestSpecifierSet.test_contains_exclusionary_bridges':
      return specifierSetContains(set(a), str(c), { prereleases: pol(b) }) === d;
    case 'TestSpecifierSet.test_empty_specifier_arbitrary_string':
      return JSON.stringify(filterBySpecifierSet(set('', a), b as string[])) === JSON.stringify(c);
    case 'TestSpecifierSet.test_empty_specifier_ordering_with_arbitrary':
      return JSON.stringify(filterBySpecifierSet(set(''), a as string[])) === JSON.stringify(b);
    case 'TestSpecifierSet.test_empty_specifier': {
      const all = set('', true);
      return specifierSetContains(all, str(row)) && specifierSetContains(all, normalized(str(row)));
    }
    case 'TestSpecifier.test_specifier_operator_property':
      return parsePep440Specifier(str(a)).operator === b;
    case 'TestSpecifier.test_specifier_version_property':
      return parsePep440Specifier(str(a)).version === b;
    case 'TestSpecifier.test_length':
      return set(a).specifiers.length === b;
    case 'TestSpecifier.test_iteration':
      return JSON.stringify(set(a).specifiers.map(specifierToString)) === JSON.stringify(b);
    case 'TestSpecifierSet.test_specifiers_combine':
      return specifierSetsEqual(combineSpecifierSets(set(a), set(b)), set(c));
    case 'TestSpecifierSet.test_is_subset':
      return isSpecifierSubset(set(a), set(b)) === c;
    case 'TestSpecifierSet.test_is_superset':
      return isSpecifierSubset(set(b), set(a)) === c;
    case 'TestSpecifierSet.test_is_disjoint':
      return isSpecifierDisjoint(set(a), set(b)) === c && isSpecifierDisjoint(set(b), set(a)) === c;
    case 'TestSpecifierSet.test_set_relations_reject_arbitrary_equality':
      if (typeof row === 'string') return true; // the method-name axis of the same test; covered by the pair axis
      return throws(() => isSpecifierSubset(set(a), set(b))) && throws(() => isSpecifierDisjoint(set(a), set(b)));
    case 'TestSpecifierSet.test_arbitrary_equality_is_intersection_preserving': {
      const inputs = c as string[];
      const both = filterBySpecifierSet(combineSpecifierSets(set(a), set(b)), inputs);
      const separately = filterBySpecifierSet(set(a), inputs).filter((v) => filterBySpecifierSet(set(b), [v]).length > 0);
      return JSON.stringify(both) === JSON.stringify(separately);
    }
    case 'TestIsUnsatisfiable.test_post_release_boundary_unsatisfiable':
      return isSpecifierSetUnsatisfiable(set(row));
    case 'TestIsUnsatisfiable.test_contains_identical_across_canonicalization': {
      const whole = set(a);
      // The set's answer must equal the conjunction of its specifiers taken one by one.
      return (b as string[]).every((v) => specifierSetContains(whole, v) === whole.specifiers.every((s) => specifierContains(s, v)));
    }
    default:
      throw new Error(`unhandled table ${test} (${JSON.stringify(versions.length)})`);
  }
}

describeWithTestdata('PEP 440 specifier vectors (pypa/packaging test_specifiers)', (root) => {
  it('meets every table that carries expected values', () => {
    const dir = path.join(root, 'version-vectors', 'pep440');
    const file = JSON.parse(readFileSync(path.join(dir, 'test_specifiers.vectors.json'), 'utf8')) as { parametrize: Table[] };
    const versions = (JSON.parse(readFileSync(path.join(dir, 'test_version.vectors.json'), 'utf8')) as { module_constants: { VERSIONS: string[] } })
      .module_constants.VERSIONS;
    const tally = vectorTally();
    let excluded = 0;
    const truncated: string[] = [];
    for (const table of file.parametrize) {
      if (EXCLUDED[table.test] !== undefined) {
        excluded += table.cases?.length ?? 0;
        continue;
      }
      let cases: readonly unknown[] = table.cases ?? [];
      if (table.cases === undefined && table.cases_expr === 'VERSIONS') cases = versions;
      else if (table.cases === undefined && table.cases_expr !== undefined) {
        const literal = readPythonLiteral(table.cases_expr);
        if (literal.truncated) truncated.push(`${table.test}: ${literal.cases.length} complete cases read, the rest cut off in the vectors file`);
        cases = literal.cases;
      }
      for (const c of cases) {
        const label = `${table.test} ${JSON.stringify(c)}`.slice(0, 300);
        tally.check(label, () => runCase(table.test, c as Row, versions));
      }
    }
    console.log(`pep440 specifier vectors: ${tally.ratio()} (${excluded} cases in excluded tables, reasons in EXCLUDED)`);
    for (const note of truncated) console.log(`  ${note}`);
    expect(tally.failures).toEqual([]);
    // 1,363 vectors ran when this was written: an emptied or renamed vectors file must not pass silently.
    expect(tally.passed).toBeGreaterThan(1000);
  });
});
