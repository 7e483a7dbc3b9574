import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { cliRunner } from '../../../test-support/cli-runner.js';
import { describeWithTestdata } from '../../../test-support/shared-testdata.js';
import { openVulnIndex } from '../../vulndb/index.js';

const { home, run } = cliRunner('osv-scanner-cli');

type ScanDoc = { findings: { id: string; aliases: string[]; package: { name: string; version: string } }[]; summary: { packages: number } };

/** One row of osv-scanner's table: an advisory (with the alias rows under it) for a package in a file. */
interface Row {
  readonly ids: string[];
  readonly ecosystem: string;
  readonly name: string;
  readonly version: string;
  readonly fixed: string;
  readonly file: string;
}

/** Reads every result table of the snapshot file (all `TestCommand*` cases) into rows. */
function readSnapshotRows(text: string): { rows: Row[]; scanned: Map<string, string[]> } {
  const rows: Row[] = [];
  const scanned = new Map<string, string[]>();
  let current = '';
  let last: Row | undefined;
  for (const line of text.split('\n')) {
    const title = /^\[(.+) - \d+\]$/.exec(line);
    if (title !== null) current = title[1]!;
    // osv-scanner's transitive cases resolve a requirements.txt's dependencies through deps.dev and
    // PyPI (network); Rampart inventories what the file pins, offline: those tables do not apply
    if (current.startsWith('TestCommand_Transitive/') && !current.includes('no_transitive')) continue;
    const file = /^Scanned <rootdir>\/(testdata\/\S+) file/.exec(line);
    if (file !== null) scanned.set(file[1]!, [...(scanned.get(file[1]!) ?? []), current]);
    if (!line.startsWith('| https://osv.dev/')) continue;
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    const id = cells[0]!.slice('https://osv.dev/'.length);
    if (cells[2] === '' && last !== undefined) last.ids.push(id);
    else if (cells.length >= 7) {
      last = { ids: [id], ecosystem: cells[2]!, name: cells[3]!, version: cells[4]!, fixed: cells[5]!, file: cells[6]!.split(':')[0]! };
      rows.push(last);
    }
  }
  return { rows, scanned };
}

/** How each input file is scanned by Rampart; absent files need an analyzer Rampart lacks. */
function targetFor(file: string, dir: string): string | undefined {
  const base = path.basename(file);
  if (/\.(cdx\.xml|cdx\.json|spdx\.json)$/.test(base)) return `sbom:${file}`;
  // osv-scanner was pointed at these with -L FORMAT:FILE; Rampart finds lockfiles by their standard name.
  const standard: Record<string, string> = { 'package-lock.json': 'package-lock.json', 'my-package-lock.json': 'package-lock.json', 'yarn.lock': 'yarn.lock', 'my-yarn.lock': 'yarn.lock', 'pnpm-lock.yaml': 'pnpm-lock.yaml' };
  // OS package databases go where a root filesystem has them.
  const osDatabases: Record<string, string> = { installed: 'lib/apk/db/installed', status: 'var/lib/dpkg/status' };
  // lockfiles whose own name the catalog recognises keep it
  const ownName = /^(composer\.lock|uv\.lock|bun\.lock|Pipfile\.lock|poetry\.lock|.*requirements.*\.txt|Gemfile\.lock|gems\.locked|go\.mod|Cargo\.lock|pom\.xml|packages\.lock\.json|packages\.config|Directory\.Packages\.props|.*\.csproj)$/.test(base) ? base : undefined;
  // osv-scanner read these with -L go.mod:FILE / pom.xml:FILE
  const renamed = base.endsWith('.mod') ? 'go.mod' : /^(registry|abc|encoding)\.xml$/.test(base) ? 'pom.xml' : undefined;
  const name = standard[base] ?? osDatabases[base] ?? ownName ?? renamed;
  if (name === undefined) return undefined;
  const copy = path.join(dir, file.replace(/[/\\]/g, '_'));
  mkdirSync(path.dirname(path.join(copy, name)), { recursive: true });
  copyFileSync(file, path.join(copy, name));
  // a Maven project's other POMs (parents by relativePath) and a .NET project's central package
  // versions come along, as they sit beside it
  if (name === 'pom.xml' || name.endsWith('.csproj')) {
    for (const sibling of readdirSync(path.dirname(file))) {
      if (/\.xml$|^Directory\.Packages\.props$/.test(sibling) && sibling !== base) copyFileSync(path.join(path.dirname(file), sibling), path.join(copy, sibling));
    }
  }
    // a requirements file's `-r other.txt` includes come along, as they sit beside it
  if (/requirements.*\.txt$/.test(base)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/^\s*(?:-r|--requirement)[=\s]+(\S+)/gm)) {
      const included = path.join(path.dirname(file), m[1]!);
      if (existsSync(included)) copyFileSync(included, path.join(copy, path.basename(included)));
    }
  }
  return `dir:${copy}`;
}

/** Inputs in a format Rampart reads, but not from a bare file osv-scanner was pointed at. */
const NEEDS_ANALYZER: [RegExp, string][] = [
  [/\.jar$|depsjson$/, 'osv-scanner read this file by an explicit -L format; Rampart finds JARs and *.deps.json inside images and folders by their place, not as a lone renamed file'],
];

/** Inputs that are not lockfiles in a format Rampart would read at all, with the reason. */
const NOT_APPLICABLE: [RegExp, string][] = [
  [/osv-scanner[^/]*\.json$/, "osv-scanner's own package-list format (osv-scanner.json), not a lockfile or SBOM"],
  [/homebrew\//, 'Homebrew Cellar receipts: no Homebrew cataloger (macOS packages, not in container images)'],
  [/stack\.yaml\.lock$|cabal\.project\.freeze$|Package\.resolved$/, 'Haskell/Swift lockfiles: ecosystems Rampart does not catalog'],
];

/**
 * Expected-vs-Rampart differences explained per input file and advisory (`file id`), or per file.
 * Counted, not hidden.
 */
const DOCUMENTED: Record<string, string> = {
  'testdata/locks-test-ignore/package-lock.json GHSA-whgm-jr23-g3j9':
    'osv-scanner ran this case with the osv-scanner.toml files beside the lockfile, which ignore CVE-2021-23424 (this GHSA’s alias) and every package; ' +
    'Rampart reads no osv-scanner.toml — the same suppression is a .rampartignore.yaml entry',
  'testdata/call-analysis-go-project/go.mod':
    'osv-scanner ran call analysis (govulncheck) on this project and moved advisories whose vulnerable symbols the code never calls out of ' +
    'its table; Rampart has no call-graph analysis, so it reports every advisory affecting the required module versions (the extra rows)',
  'testdata/locks-dotnet/test.csproj GHSA-cmhx-cq75-c4mj':
    'the scanned copy holds the Directory.Packages.props beside the csproj (central package versions); osv-scanner lists this advisory under ' +
    'that file (its own row for Directory.Packages.props), Rampart reports it once for the folder',
  'testdata/sbom-insecure/postgres-stretch.cdx.xml DLA-3008-1':
    'osv-scanner prints one row per source package (openssl); Rampart reports every installed binary package built from it: openssl and libssl1.1 ' +
    '(the extra pair is libssl1.1 1.1.0l-1~deb9u5, source openssl, the same advisory)',
};

describeWithTestdata('rampart scan vs osv-scanner command snapshots (CLI, local advisories)', (root) => {
  it('reports the snapshot’s package/vulnerability pairs for every input Rampart can read', async () => {
    const base = path.join(root, 'vulndb', 'osv-scanner', 'scan-source');
    const { rows, scanned } = readSnapshotRows(readFileSync(path.join(base, '__snapshots__', 'command_test.snap'), 'utf8'));
    const osv = path.join(root, 'vulndb', 'osv');
    const local = ['golang-vulndb', 'pypa-advisory-database', 'rustsec-osv', 'github-advisory-database-npm-sample'].map((d) => path.join(osv, d));

    // Advisories the snapshot shows that the local OSV set lacks (Alpine, Debian, Ubuntu, newer ones)
    // are rebuilt from the snapshot's own rows: the ecosystem and package it names, affected from
    // the start up to its FIXED VERSION (none when "--"). Real local records are used where they exist.
    const localDb = path.join(home, 'local.sqlite');
    expect((await run(['db', 'build', '--db', localDb, '--from', ...local])).code).toBe(0);
    const localIndex = openVulnIndex(localDb);
    const isLocal = (id: string) => localIndex.recordsByAlias(id).some((r) => r.record.id === id);
    const rebuilt = new Map<string, { id: string; modified: string; aliases: string[]; affected: unknown[] }>();
    const rebuiltKeys = new Set<string>();
    for (const row of rows) {
      const [id, ...aliases] = row.ids;
      if (id === undefined || isLocal(id) || aliases.some(isLocal)) continue;
      const key = `${id} ${row.ecosystem} ${row.name} ${row.fixed}`;
      if (rebuiltKeys.has(key)) continue;
      rebuiltKeys.add(key);
      const record = rebuilt.get(id) ?? { id, modified: '2026-01-01T00:00:00Z', aliases, affected: [] };
      const events = row.fixed === '--' || row.fixed === '' ? [{ introduced: '0' }] : [{ introduced: '0' }, { fixed: row.fixed }];
      record.affected.push({ package: { ecosystem: row.ecosystem, name: row.name }, ranges: [{ type: 'ECOSYSTEM', events }] });
      rebuilt.set(id, record);
    }
    const rebuiltDir = path.join(home, 'rebuilt');
    mkdirSync(rebuiltDir);
    for (const record of rebuilt.values()) writeFileSync(path.join(rebuiltDir, `${record.id}.json`), JSON.stringify(record));
    const db = path.join(home, 'osv.sqlite');
    expect((await run(['db', 'build', '--db', db, '--from', ...local, rebuiltDir])).code).toBe(0);

    const inputs = path.join(home, 'inputs');
    const lines: string[] = [];
    const failures: string[] = [];
    const skipped: string[] = [];
    let pass = 0;
    let total = 0;
    let pairs = 0;
    let pairsFromLocal = 0;
    for (const file of [...scanned.keys()].sort()) {
      const absolute = path.join(base, file);
      const need = [...NEEDS_ANALYZER, ...NOT_APPLICABLE].find(([re]) => re.test(file));
      if (need !== undefined || !existsSync(absolute)) {
        skipped.push(`${file}: ${need?.[1] ?? 'input not in testdata'}`);
        continue;
      }
      const target = targetFor(absolute, inputs);
      if (target === undefined) {
        skipped.push(`${file}: no Rampart reader for this file name`);
        continue;
      }
      total++;
      const expected = new Map<string, string[]>();
      for (const row of rows.filter((r) => r.file === file)) expected.set(`${row.name}@${row.version.replace(/^v/, '')} ${row.ids[0]!}`, row.ids);
      const r = await run(['scan', target, '--db', db, '--format', 'json']);
      if (r.code !== 0) {
        failures.push(`${file}: exit ${r.code} ${r.err.trim()}`);
        continue;
      }
      const doc = JSON.parse(r.out) as ScanDoc;
      const got = new Set<string>();
      for (const f of doc.findings) {
        const ids = [f.id, ...f.aliases];
        const pkg = `${f.package.name}@${f.package.version.replace(/^v/, '')}`;
        // one finding (aliases merged) answers every row of the same advisory: osv-scanner's offline
        // mode prints an alias (GHSA-…) as a row of its own beside the online mode's PYSEC-… row
        const hits = [...expected].filter(([key, theirs]) => key.startsWith(`${pkg} `) && theirs.some((id) => ids.includes(id)));
        if (hits.length === 0) got.add(`${pkg} ${f.id}`);
        for (const [key] of hits) got.add(key);
      }
      const missing = [...expected.keys()].filter((e) => !got.has(e));
      const extra = [...got].filter((g) => !expected.has(g));
      const undocumented = [...missing, ...extra].filter((k) => DOCUMENTED[`${file} ${k.split(' ')[1]!}`] === undefined && DOCUMENTED[file] === undefined);
      pairs += expected.size;
      pairsFromLocal += [...expected.values()].filter((ids) => ids.some(isLocal)).length;
      if (missing.length === 0 && extra.length === 0) pass++;
      else if (undocumented.length > 0) failures.push(`${file}: missing ${JSON.stringify(missing)} extra ${JSON.stringify(extra)}`);
      lines.push(`${file} (${target.split(':')[0]}:): ${expected.size - missing.length}/${expected.size} expected pairs, ${extra.length} extra, ${doc.summary.packages} packages` +
        `${missing.length + extra.length > 0 ? ` — ${[...missing, ...extra].map((k) => `${k}: ${DOCUMENTED[`${file} ${k.split(' ')[1]!}`] ?? DOCUMENTED[file] ?? 'UNEXPLAINED'}`).join('; ')}` : ''}`);
    }
    console.log(
      `osv-scanner command snapshots via rampart scan: ${pass}/${total} input files reproduced exactly (${pairs} expected pairs, ${pairsFromLocal} against real local OSV records, ` +
        `${pairs - pairsFromLocal} against records rebuilt from the snapshot rows); ${skipped.length} inputs not run:\n  ${lines.join('\n  ')}\n  not run:\n    ${skipped.join('\n    ')}`,
    );
    localIndex.close();
    // the snapshot was read and some inputs were run: an empty comparison is no pass
    expect(total).toBeGreaterThan(0);
    expect(pairs).toBeGreaterThan(0);
    expect(failures).toEqual([]);
  });

  it('a malformed CycloneDX XML SBOM exits 2 naming the file, line and column', async () => {
    const bad = path.join(home, 'bad.cdx.xml');
    writeFileSync(bad, '<?xml version="1.0"?>\n<bom xmlns="http://cyclonedx.org/schema/bom/1.5">\n  <components>\n    <component><name>a</nam>\n');
    const r = await run(['scan', `sbom:${bad}`, '--db', path.join(home, 'osv.sqlite')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bad\.cdx\.xml:4:\d+: not well-formed XML/);
  });
});
