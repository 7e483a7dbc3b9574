import type { Severity } from '../core/index.js';
import type { RematchReport } from './rematch-stored.js';

const pad = (text: string, width: number): string => (text.length >= width ? `${text} ` : text.padEnd(width));
const upper = (s: Severity): string => s.toUpperCase();

/**
 * The re-match as text: one line per stored target whose findings moved (or that was never matched),
 * one line per new, changed or resolved finding under it, and a closing summary that counts the rest.
 */
export function renderRematchTable(report: RematchReport): string {
  const lines: string[] = [];
  let quiet = 0;
  for (const t of report.targets) {
    if (t.previous !== undefined && t.added.length === 0 && t.changed.length === 0 && t.resolved.length === 0) {
      quiet++;
      continue;
    }
    const since = t.previous === undefined ? 'first match' : `since ${t.previous.matchedAt} (database ${t.previous.database})`;
    lines.push(
      `${t.target}${t.imageId === undefined ? '' : ` [${t.imageId.slice(0, 19)}]`}: ${t.packages} packages, ${t.findings} findings; ` +
        `${t.added.length} new, ${t.changed.length} changed, ${t.resolved.length} resolved ${since}` +
        (t.unknowns.length === 0 ? '' : `; ${t.unknowns.length} unknowns`),
    );
    for (const m of t.added) {
      lines.push(`  NEW       ${pad(upper(m.severity), 9)}${pad(m.id, 20)}${pad(`${m.package.name} ${m.package.version}`, 36)}${m.fixedVersion === undefined ? 'no fix yet' : `fixed in ${m.fixedVersion}`}`);
    }
    for (const { match: m, before } of t.changed) {
      const what = [
        before.severity === m.severity ? '' : `severity ${upper(before.severity)} → ${upper(m.severity)}`,
        before.fixedVersion === m.fixedVersion ? '' : `fix ${before.fixedVersion ?? 'none'} → ${m.fixedVersion ?? 'none'}`,
      ].filter((s) => s !== '');
      lines.push(`  CHANGED   ${pad(upper(m.severity), 9)}${pad(m.id, 20)}${pad(`${m.package.name} ${m.package.version}`, 36)}${what.join(', ')}`);
    }
    for (const k of t.resolved) {
      lines.push(`  RESOLVED  ${pad(upper(k.severity), 9)}${pad(k.id, 20)}${k.package} ${k.version}`);
    }
  }
  const s = report.totals;
  lines.push(
    `${s.targets} stored SBOMs, ${s.packages} packages re-matched against database ${report.database}: ` +
      `${s.added} new, ${s.changed} changed, ${s.resolved} resolved findings (${s.findings} in all, ${s.unknowns} unknowns); ` +
      `${quiet} targets without changes`,
  );
  return `${lines.join('\n')}\n`;
}
