import type { VulnMatch } from '../match/index.js';
import type { RematchReport } from './rematch-stored.js';

/** Version of `rampart rescan --format json` (docs/rescan-json.md); bumped on incompatible change. */
export const RESCAN_JSON_SCHEMA_VERSION = 1;

export interface RematchJsonContext {
  readonly tool: { readonly name: string; readonly version: string };
  readonly database: { readonly file: string; readonly updatedAt?: string; readonly ageDays?: number };
  /** Whether the new findings were recorded as the targets' baseline. */
  readonly recorded: boolean;
}

function matchJson(m: VulnMatch): Record<string, unknown> {
  const p = m.package;
  return {
    id: m.id,
    aliases: m.aliases,
    severity: m.severity,
    package: { name: p.name, version: p.version, purl: p.purl ?? null, ecosystem: p.ecosystem },
    fixedVersion: m.fixedVersion ?? null,
    status: m.status,
    location: m.explanation.location,
    explanation: m.explanation,
  };
}

/** The re-match document: per stored target, the findings that are new, changed or resolved. */
export function renderRematchJson(report: RematchReport, context: RematchJsonContext): string {
  const document = {
    schemaVersion: RESCAN_JSON_SCHEMA_VERSION,
    tool: context.tool,
    command: 'rescan',
    database: { ...context.database, build: report.database },
    matchedAt: report.matchedAt,
    recorded: context.recorded,
    targets: report.targets.map((t) => ({
      target: t.target,
      imageId: t.imageId ?? null,
      catalogedAt: t.catalogedAt,
      previous: t.previous ?? null,
      packages: t.packages,
      findings: t.findings,
      new: t.added.map(matchJson),
      changed: t.changed.map((c) => ({ ...matchJson(c.match), before: { id: c.before.id, severity: c.before.severity, fixedVersion: c.before.fixedVersion ?? null } })),
      resolved: t.resolved.map((k) => ({ ...k, fixedVersion: k.fixedVersion ?? null })),
      unknowns: t.unknowns,
    })),
    summary: report.totals,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
