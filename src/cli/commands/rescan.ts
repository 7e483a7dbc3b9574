import type { Command } from 'commander';
import path from 'node:path';
import type { Severity } from '../../core/index.js';
import { ExitCode, RampartError, atLeast, parseSeverity } from '../../core/index.js';
import type { RematchReport } from '../../inventory/index.js';
import { openSbomStore, rematchStored, renderRematchJson, renderRematchTable } from '../../inventory/index.js';
import { defaultDbPath, openDatabaseForMatching } from '../../vulndb/index.js';
import type { CliCommand } from '../cli-command.js';
import type { CommandContext } from '../context.js';
import { chooseFormat } from '../global-options.js';
import { packageVersion } from '../version.js';
import { storeSpec } from '../sbom-store-options.js';

interface RescanOptions {
  sbomStore?: string;
  db?: string;
  failOn?: string;
  record?: boolean;
}

/**
 * 1 when a new finding (or one whose severity rose) is at or above --fail-on; otherwise 3 when
 * --fail-on was given and something could not be decided; else 0 (the `scan` gate, on what is new).
 */
export function rescanExitCode(report: RematchReport, failOn: Severity | undefined): ExitCode {
  if (failOn === undefined) return ExitCode.ok;
  const raised = report.targets.some(
    (t) => t.added.some((m) => atLeast(m.severity, failOn)) || t.changed.some((c) => atLeast(c.match.severity, failOn) && !atLeast(c.before.severity, failOn)),
  );
  if (raised) return ExitCode.findings;
  if (report.totals.unknowns > 0) return ExitCode.incomplete;
  return ExitCode.ok;
}

/** `rampart rescan`: re-match every stored SBOM against the current database, without the images. */
export const rescanCommand: CliCommand = {
  name: 'rescan',
  register(program, wrap) {
    program
      .command('rescan')
      .description('re-match every stored SBOM (rampart scan/sbom --store) against the current advisory database, without reading any image; report what is new')
      .option('--sbom-store <file|url>', 'SBOM store: a SQLite file or a postgres:// URL (?schema=NAME); default $RAMPART_HOME/sbom-store.sqlite or ~/.local/share/rampart/sbom-store.sqlite')
      .option('--db <file>', 'database file (default: $RAMPART_HOME/vulndb.sqlite or ~/.cache/rampart/vulndb.sqlite)')
      .option('--fail-on <severity>', 'exit 1 when a new finding (or one whose severity rose) is at or above this severity; exit 3 when something could not be decided')
      .option('--no-record', 'report only: keep the stored baselines (the next rescan reports the same changes again)')
      .addHelpText(
        'after',
        '\nPer stored target it reports findings that are new since its last match (advisory ids not reported before for that package and version),' +
          '\nchanged (severity or fixed version) and resolved, then records the current findings as the new baseline.' +
          '\nFormats (--format): table (default), json (docs/rescan-json.md).' +
          '\nExit codes: 0 done (nothing new at or above --fail-on), 1 new findings at or above --fail-on, 2 bad input, no/empty database or no/bad store, 3 incomplete (with --fail-on), 70 internal error.',
      )
      .action(wrap(async (context, command) => runRescan(context, command)));
  },
};

async function runRescan(context: CommandContext, command: Command): Promise<ExitCode> {
  const opts = command.opts<RescanOptions>();
  const format = chooseFormat(context.globals, ['table', 'json'] as const, 'table');
  const failOn = opts.failOn === undefined ? undefined : parseSeverity(opts.failOn);
  if (opts.failOn !== undefined && failOn === undefined) throw new RampartError('USAGE', `invalid --fail-on ${opts.failOn}`);
  const cwd = context.io.cwd;
  const env = context.io.env;
  const dbFile = opts.db !== undefined ? path.resolve(cwd, opts.db) : defaultDbPath(env);
  const db = openDatabaseForMatching(dbFile);
  try {
    for (const w of db.warnings) context.warn(w);
    const store = await openSbomStore(await storeSpec(opts.sbomStore, context), { create: false });
    try {
      const record = opts.record !== false;
      const report = await rematchStored({ store, index: db.index }, { record });
      const t = report.totals;
      context.info(`${t.targets} stored SBOMs, ${t.packages} packages: ${t.added} new, ${t.changed} changed, ${t.resolved} resolved findings${record ? '' : ' (baselines kept)'}`);
      const status = db.index.status();
      const output =
        format === 'json'
          ? renderRematchJson(report, {
              tool: { name: 'rampart', version: packageVersion() },
              database: { file: dbFile, ...(status.updatedAt === undefined ? {} : { updatedAt: status.updatedAt }), ...(db.ageDays === undefined ? {} : { ageDays: Number(db.ageDays.toFixed(2)) }) },
              recorded: record,
            })
          : renderRematchTable(report);
      await context.emit(output);
      return rescanExitCode(report, failOn);
    } finally {
      await store.close();
    }
  } finally {
    db.index.close();
  }
}
