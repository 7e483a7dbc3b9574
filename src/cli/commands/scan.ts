import type { Command } from 'commander';
import { Option } from 'commander';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Severity } from '../../core/index.js';
import { ExitCode, RampartError, atLeast, parseSeverity } from '../../core/index.js';
import { reporterRegistry } from '../../report/index.js';
import type { IgnoreEntry, ScannerKind, ScanReport, VexStatement } from '../../scan/index.js';
import { applyScanPolicy, createScanner, readIgnoreFile, readVexDocument, renderScanCycloneDx, renderScanJson } from '../../scan/index.js';
import { readSecretConfig } from '../../secrets/index.js';
import { defaultDbPath, openDatabaseForMatching } from '../../vulndb/index.js';
import type { CliCommand } from '../cli-command.js';
import type { CommandContext } from '../context.js';
import { chooseFormat } from '../global-options.js';
import { packageVersion } from '../version.js';
import type { ImageAccessFlags } from '../image-access-options.js';
import { addImageAccessOptions, imageOptionsFrom, layerCacheFor } from '../image-access-options.js';
import type { StoreFlags } from '../sbom-store-options.js';
import { addStoreOptions, storeIfAsked } from '../sbom-store-options.js';
import type { SkipFlags } from '../skip-options.js';
import { addSkipOptions, skipPatternsFrom } from '../skip-options.js';
import { databaseMarker } from '../../inventory/index.js';

const FORMATS = ['table', 'json', 'sarif', 'cyclonedx', 'markdown', 'junit'] as const;
const IGNORE_FILE = '.rampartignore.yaml';

interface ScanCliOptions extends ImageAccessFlags, StoreFlags, SkipFlags {
  db?: string;
  failOn?: string;
  severity?: string;
  ignoreUnfixed?: boolean;
  ignoreFile?: string;
  secretConfig?: string;
  vex?: string[];
  scanners: string;
}

async function readText(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new RampartError('FILE_NOT_FOUND', `cannot read ${what} ${file}`, { cause: error, location: { file } });
  }
}

function parseSeverityList(text: string): Severity[] {
  return text.split(',').map((word) => {
    const s = parseSeverity(word);
    if (s === undefined) throw new RampartError('USAGE', `invalid --severity ${word} (critical, high, medium, low, unknown)`);
    return s;
  });
}

function parseScanners(text: string): ScannerKind[] {
  return text.split(',').map((word) => {
    const w = word.trim().toLowerCase();
    if (w !== 'vuln' && w !== 'secret') throw new RampartError('USAGE', `invalid --scanners ${word} (vuln, secret)`);
    return w;
  });
}

/**
 * DESIGN.md §1: 1 when a finding is at or above --fail-on; otherwise 3 when --fail-on was given
 * (it asks for a complete answer) and something could not be decided; else 0.
 */
export function scanExitCode(report: Pick<ScanReport, 'findings' | 'unknowns'>, failOn: Severity | undefined): ExitCode {
  if (failOn === undefined) return ExitCode.ok;
  if (report.findings.some((f) => atLeast(f.severity, failOn))) return ExitCode.findings;
  if (report.unknowns.length > 0) return ExitCode.incomplete;
  return ExitCode.ok;
}

export const scanCommand: CliCommand = {
  name: 'scan',
  register(program, wrap) {
    const scan = program
      .command('scan')
      .description('find known vulnerabilities (and, with --scanners secret, leaked secrets) in an image, root filesystem, project folder or SBOM')
      .argument('<target>', 'docker-archive:FILE, oci-archive:FILE, oci-dir:DIR, registry:REF, docker:NAME, dir:PATH, sbom:FILE')
      .option('--db <file>', 'database file (default: $RAMPART_HOME/vulndb.sqlite or ~/.cache/rampart/vulndb.sqlite)')
      .option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity; exit 3 when something could not be decided')
      .option('--severity <list>', 'report only these severities (comma-separated: critical,high,medium,low,unknown)')
      .option('--ignore-unfixed', 'leave out vulnerabilities that have no fixed version yet')
      .option('--ignore-file <file>', `ignore file (default: ${IGNORE_FILE} in the working directory, when present)`)
      .option('--vex <file>', 'an OpenVEX or CycloneDX VEX document (repeatable): not_affected (and fixed) statements suppress findings', (value: string, previous: string[] = []) => [...previous, value])
      .addOption(new Option('--scanners <list>', 'what to look for: vuln, secret (comma-separated)').default('vuln'))
      .option('--secret-config <file>', 'Trivy-compatible secret rules file (trivy-secret.yaml: rules, enable-builtin-rules, disable-rules, allow-rules, exclude-block); its patterns run on RE2');
    addSkipOptions(addStoreOptions(addImageAccessOptions(scan, { layerCache: true })), 'neither catalogued nor searched for secrets')
      .addHelpText(
        'after',
        '\nFormats (--format): table (default), json (docs/scan-json.md), sarif, cyclonedx (SBOM with vulnerabilities), markdown, junit.' +
          '\nExit codes: 0 done (below --fail-on), 1 findings at or above --fail-on, 2 bad input or no/empty database, 3 incomplete (with --fail-on), 70 internal error.',
      )
      .action(wrap(async (context, command) => runScan(context, command)));
  },
};

async function runScan(context: CommandContext, command: Command): Promise<ExitCode> {
  const opts = command.opts<ScanCliOptions>();
  const format = chooseFormat(context.globals, FORMATS, 'table');
  const [target] = command.processedArgs as [string];
  const failOn = opts.failOn === undefined ? undefined : parseSeverity(opts.failOn);
  if (opts.failOn !== undefined && failOn === undefined) throw new RampartError('USAGE', `invalid --fail-on ${opts.failOn}`);
  const severities = opts.severity === undefined ? undefined : parseSeverityList(opts.severity);
  const scanners = parseScanners(opts.scanners);
  const cwd = context.io.cwd;

  const ignorePath = opts.ignoreFile !== undefined ? path.resolve(cwd, opts.ignoreFile) : path.join(cwd, IGNORE_FILE);
  const ignores: IgnoreEntry[] =
    opts.ignoreFile !== undefined || existsSync(ignorePath) ? readIgnoreFile(await readText(ignorePath, 'ignore file'), ignorePath) : [];
  const vex: VexStatement[] = [];
  for (const file of opts.vex ?? []) {
    const abs = path.resolve(cwd, file);
    vex.push(...readVexDocument(await readText(abs, 'VEX document'), abs));
  }

  const secretConfigPath = opts.secretConfig === undefined ? undefined : path.resolve(cwd, opts.secretConfig);
  const secretConfig = secretConfigPath === undefined ? undefined : readSecretConfig(await readText(secretConfigPath, 'secret configuration'), secretConfigPath);

  const dbFile = opts.db !== undefined ? path.resolve(cwd, opts.db) : defaultDbPath(context.io.env);
  const needsDb = scanners.includes('vuln');
  const db = needsDb ? openDatabaseForMatching(dbFile) : undefined;
  for (const w of db?.warnings ?? []) context.warn(w);
  const env = context.io.env;
  const image = imageOptionsFrom(opts, env);
  const cache = layerCacheFor(target, opts, env);
  try {
    const scanner = createScanner({
      index: db?.index ?? { recordsFor: () => [], recordsByAlias: () => [] },
      image,
      cwd,
      ...(cache === undefined ? {} : { cache }),
      ...(secretConfig === undefined ? {} : { secretConfig }),
    });
    const result = await scanner.scan(target, { scanners, skip: skipPatternsFrom(opts) });
    const report = applyScanPolicy(result, {
      ...(severities === undefined ? {} : { severities }),
      ignoreUnfixed: opts.ignoreUnfixed === true,
      ignores,
      vex,
      today: new Date().toISOString().slice(0, 10),
    });
    for (const e of report.expiredIgnores) {
      context.warn(`${e.location.file ?? IGNORE_FILE} ${e.location.path ?? ''}: the ignore entry for ${e.id} expired on ${e.expires ?? ''} and no longer suppresses`);
    }
    const inventory = result.inventory;
    const status = db?.index.status();
    await storeIfAsked(context, opts, inventory, status === undefined ? undefined : { matches: result.matches, database: databaseMarker(status) });
    context.info(
      `${inventory.packages.length} packages${inventory.os === undefined ? '' : ` (${inventory.os.family} ${inventory.os.version})`}: ` +
        `${report.findings.length} findings, ${report.suppressed.length} suppressed, ${report.unknowns.length} unknowns`,
    );
    const tool = { name: 'rampart', version: packageVersion() };
    let output: string;
    if (format === 'json') {
      output = renderScanJson(report, {
        tool,
        target,
        inventory,
        ...(status === undefined ? {} : { database: { ...(status.updatedAt === undefined ? {} : { updatedAt: status.updatedAt }), ...(db?.ageDays === undefined ? {} : { ageDays: Number(db.ageDays.toFixed(2)) }) } }),
      });
    } else if (format === 'cyclonedx') {
      output = await renderScanCycloneDx(report, inventory, tool.version);
    } else {
      const reporter = reporterRegistry.get(format);
      if (reporter === undefined) throw new RampartError('INTERNAL', `no reporter ${format}`);
      output = reporter.render(
        { tool, command: 'scan', targets: [target], findings: report.findings, suppressed: report.suppressed, unknowns: report.unknowns, rules: [] },
        { color: context.globals.color && context.io.stdout.isTTY === true },
      );
    }
    await context.emit(output);
    return scanExitCode(report, failOn);
  } finally {
    cache?.close();
    db?.index.close();
  }
}
