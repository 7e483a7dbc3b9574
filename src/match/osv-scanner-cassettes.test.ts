import { readFileSync, readdirSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import jsYaml from 'js-yaml';
import { expect, it } from 'vitest';
import { describeWithTestdata } from '../../test-support/shared-testdata.js';
import { buildIndex, openVulnIndex } from '../vulndb/index.js';
import { createVulnMatcher } from './match-packages.js';

interface Cassette {
  interactions: { request: { url: string; body: string }; response: { body: string } }[];
}

/**
 * osv-scanner's recorded api.osv.dev answers (package@version → advisory ids) checked against
 * Rampart's local matching, on the advisories both sides have: the records under
 * ../shared/testdata/vulndb/osv (Go, PyPI, crates.io, npm sample). Ids osv.dev returned that are not
 * in the local set cannot be checked and are counted apart.
 */
/** Per-case differences explained by hand (keyed by query and id, or by id for every query). */
const DOCUMENTED: Record<string, string> = {
  'GO-2026-5026':
    'an embargoed stdlib fix (CVE-2026-39821, fixed in Go 1.25.13 / 1.26.6): its id predates the newest one osv.dev returned, but osv.dev returned it for no query in any recording, i.e. it was published after them',
  'PyPI urllib3@1.24.3 PYSEC-2021-108':
    'the local PyPA snapshot of this record (modified 2021-07-02) lists 1.24.3 among its affected versions and in its ECOSYSTEM range; osv.dev’s later copy, recorded in 2026, no longer returned it (its alias GHSA-q2q7-5pp4-w6pg starts at 1.25.4)',
};

describeWithTestdata('osv-scanner recorded osv.dev answers vs local matching', (root) => {
  it('agrees on every query whose advisories are in the local OSV set', async () => {
    const base = path.join(root, 'vulndb', 'osv-scanner');
    const files = ['scan-source', 'scan-image'].flatMap((d) => {
      const dir = path.join(base, d, 'testdata', 'cassettes');
      return readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => path.join(dir, f));
    });
    const answers = new Map<string, Set<string>>();
    let recordedAt = '';
    for (const file of files) {
      const cassette = jsYaml.load(readFileSync(file, 'utf8')) as Cassette;
      for (const it of cassette.interactions ?? []) {
        if (!it.request.url.endsWith('/v1/querybatch')) continue;
        const queries = (JSON.parse(it.request.body) as { queries: { package: { ecosystem: string; name: string }; version?: string }[] }).queries;
        const results = (JSON.parse(it.response.body) as { results: { vulns?: { id: string; modified?: string }[] }[] }).results;
        for (const r of results) for (const v of r.vulns ?? []) if ((v.modified ?? '') > recordedAt) recordedAt = v.modified ?? '';
        queries.forEach((q, i) => {
          if (q.version === undefined) return;
          const key = `${q.package.ecosystem}\t${q.package.name}\t${q.version}`;
          const set = answers.get(key) ?? new Set<string>();
          for (const v of results[i]?.vulns ?? []) set.add(v.id);
          answers.set(key, set);
        });
      }
    }
    const goNumber = (id: string): number => Number(id.slice(3).replace('-', ''));
    const returnedGo = [...answers.values()].flatMap((s) => [...s]).filter((id) => /^GO-\d{4}-\d+$/.test(id));
    const newestGoId = returnedGo.sort((a, b) => goNumber(a) - goNumber(b)).at(-1) ?? 'GO-0000-0';
    const newestGo = goNumber(newestGoId);
    const osv = path.join(root, 'vulndb', 'osv');
    const db = path.join(await mkdtemp(path.join(tmpdir(), 'rampart-osvs-')), 'v.sqlite');
    await buildIndex({ db, from: [path.join(osv, 'golang-vulndb'), path.join(osv, 'pypa-advisory-database'), path.join(osv, 'rustsec-osv'), path.join(osv, 'github-advisory-database-npm-sample')] });
    const index = openVulnIndex(db);
    const localIds = new Set<string>();
    const matcher = createVulnMatcher({ index });
    let checked = 0;
    let agree = 0;
    let uncheckable = 0;
    const differences: string[] = [];
    const explained: string[] = [];
    for (const [key, ids] of answers) {
      const [ecosystem, name, version] = key.split('\t') as [string, string, string];
      if (!['Go', 'PyPI', 'crates.io', 'npm'].includes(ecosystem)) continue;
      const result = matcher.matchPackage({ ecosystem, name, version });
      const ours = new Set(result.matches.flatMap((m) => m.explanation.advisories.map((a) => a.id)));
      for (const id of ids) if (index.recordsByAlias(id).some((r) => r.record.id === id)) localIds.add(id);
      const theirs = new Set([...ids].filter((id) => localIds.has(id)));
      uncheckable += ids.size - theirs.size;
      // Local records osv.dev did not return for this query are only comparable when osv.dev
      // returned an id of the same family (PYSEC/GO/RUSTSEC/GHSA) it could have returned.
      checked++;
      const missing = [...theirs].filter((id) => !ours.has(id));
      // An extra local match is explained when osv.dev returned one of its aliases instead, or when
      // the record was published after the recording (newest `modified` osv.dev reported).
      const extra = [...ours].filter((id) => !theirs.has(id) && !ids.has(id));
      const unexplained = extra.filter((id) => {
        const record = index.recordsByAlias(id).find((r) => r.record.id === id)?.record;
        if (record === undefined) return true;
        if ((record.aliases ?? []).some((a) => ids.has(a))) {
          explained.push(`${ecosystem} ${name}@${version} ${id}: osv.dev returned its alias`);
          return false;
        }
        if (/^GO-\d{4}-\d+$/.test(id) && goNumber(id) > newestGo) {
          explained.push(`${ecosystem} ${name}@${version} ${id}: Go ids are sequential and ${id} is newer than any osv.dev returned (${newestGoId}); this snapshot's Go records carry no dates`);
          return false;
        }
        const documented = DOCUMENTED[`${ecosystem} ${name}@${version} ${id}`] ?? DOCUMENTED[id];
        if (documented !== undefined) {
          explained.push(`${ecosystem} ${name}@${version} ${id}: ${documented}`);
          return false;
        }
        if (record.published !== undefined && record.published > recordedAt) {
          explained.push(`${ecosystem} ${name}@${version} ${id}: published ${record.published}, after the recording (${recordedAt})`);
          return false;
        }
        return true;
      });
      if (missing.length === 0 && unexplained.length === 0) agree++;
      else differences.push(`${ecosystem} ${name}@${version}: missing ${missing.join(',') || '-'}; extra ${unexplained.join(',') || '-'}`);
      for (const u of result.unknowns) differences.push(`${ecosystem} ${name}@${version}: unknown ${u.advisoryIds.join(',')}: ${u.reason}`);
    }
    index.close();
    console.log(
      `osv-scanner cassettes: ${agree}/${checked} language queries agree on local advisories (${uncheckable} returned ids not in the local set; ` +
        `${explained.length} extra local matches explained)\n  ${[...differences, ...explained].join('\n  ')}`,
    );
    expect(checked).toBeGreaterThan(20);
    expect(differences).toEqual([]);
  });
});
