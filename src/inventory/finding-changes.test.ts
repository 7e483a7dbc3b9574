import { describe, expect, it } from 'vitest';
import type { Severity } from '../core/index.js';
import type { VulnMatch } from '../match/index.js';
import { compareFindings, findingKey } from './finding-changes.js';
import type { FindingKey } from './sbom-store.js';

function match(id: string, aliases: string[], name: string, version: string, severity: Severity, fixed?: string): VulnMatch {
  return {
    id,
    aliases,
    severity,
    package: { ecosystem: 'npm', name, version },
    fixedVersion: fixed,
    status: fixed === undefined ? 'not-fixed' : 'fixed',
    explanation: { advisories: [], installedVersion: version, comparedVersion: version, scheme: 'semver', matcher: 'npm', severity: { kind: 'none' }, location: {} },
  };
}

const key = (m: VulnMatch): FindingKey => findingKey(m);
const lodashOld = match('GHSA-1', ['CVE-1'], 'lodash', '4.17.4', 'high', '4.17.5');

describe('compareFindings', () => {
  it.each<[string, FindingKey[] | undefined, VulnMatch[], { added: string[]; changed: string[]; resolved: string[] }]>([
    ['no baseline: everything is new', undefined, [lodashOld], { added: ['GHSA-1'], changed: [], resolved: [] }],
    ['same finding again: nothing new', [key(lodashOld)], [lodashOld], { added: [], changed: [], resolved: [] }],
    ['a new advisory on the same package', [key(lodashOld)], [lodashOld, match('GHSA-2', [], 'lodash', '4.17.4', 'low')], { added: ['GHSA-2'], changed: [], resolved: [] }],
    ['the same id on another version is new', [key(lodashOld)], [match('GHSA-1', ['CVE-1'], 'lodash', '4.17.3', 'high', '4.17.5')], { added: ['GHSA-1'], changed: [], resolved: ['GHSA-1'] }],
    ['the primary id moved to an alias: same finding', [key(lodashOld)], [match('CVE-1', ['GHSA-1', 'OSV-9'], 'lodash', '4.17.4', 'high', '4.17.5')], { added: [], changed: [], resolved: [] }],
    ['severity raised: changed', [key(lodashOld)], [match('GHSA-1', ['CVE-1'], 'lodash', '4.17.4', 'critical', '4.17.5')], { added: [], changed: ['GHSA-1'], resolved: [] }],
    ['a fix appeared: changed', [key(match('GHSA-1', ['CVE-1'], 'lodash', '4.17.4', 'high'))], [lodashOld], { added: [], changed: ['GHSA-1'], resolved: [] }],
    ['withdrawn: resolved', [key(lodashOld)], [], { added: [], changed: [], resolved: ['GHSA-1'] }],
  ])('%s', (_name, baseline, current, want) => {
    const got = compareFindings(baseline, current);
    expect({ added: got.added.map((m) => m.id), changed: got.changed.map((c) => c.match.id), resolved: got.resolved.map((k) => k.id) }).toEqual(want);
  });
});
