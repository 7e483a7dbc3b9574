import type { Finding, Severity, Unknown } from '../core/index.js';
import type { VulnMatch } from '../match/index.js';
import { toFinding } from '../match/index.js';
import type { SuppressedEntry } from '../report/index.js';
import type { SecretFinding } from '../secrets/index.js';
import type { IgnoreEntry } from './ignore-file.js';
import { isExpired } from './ignore-file.js';
import type { ScanResult } from './scanner.js';
import type { VexStatement } from './vex-document.js';
import { vexCovers } from './vex-document.js';

export interface ScanPolicy {
  /** Keep only these severities (unset: all). */
  readonly severities?: readonly Severity[];
  /** Drop vulnerabilities that have no fixed version yet. */
  readonly ignoreUnfixed?: boolean;
  readonly ignores?: readonly IgnoreEntry[];
  readonly vex?: readonly VexStatement[];
  /** `YYYY-MM-DD`, for ignore-file expiry. */
  readonly today: string;
}

/** The result after filters, the ignore file and VEX: what reporters render and the gate reads. */
export interface ScanReport {
  readonly findings: readonly Finding[];
  readonly suppressed: readonly SuppressedEntry[];
  /** Ignore entries past their expiry: they suppress nothing and are reported. */
  readonly expiredIgnores: readonly IgnoreEntry[];
  readonly unknowns: readonly Unknown[];
}

export function secretFinding(s: SecretFinding): Finding {
  return {
    id: s.ruleId,
    severity: s.severity,
    message: `${s.title} (${s.category}) in ${s.location.path ?? 'content'} line ${s.startLine}`,
    location: s.location,
    evidence: { kind: 'secret', category: s.category, title: s.title, startLine: s.startLine, endLine: s.endLine, match: s.match },
    fix: { description: 'remove the secret from the image and rotate it' },
  };
}

const idsOf = (f: Finding): string[] => [f.id, ...(((f.evidence['aliases'] as readonly string[] | undefined) ?? []))];

function packageOf(f: Finding): { name?: string; purl?: string } {
  return (f.evidence['package'] as { name?: string; purl?: string } | undefined) ?? {};
}

function ignoreApplies(entry: IgnoreEntry, f: Finding): boolean {
  if (!idsOf(f).includes(entry.id)) return false;
  if (entry.package === undefined) return true;
  const p = packageOf(f);
  if (entry.package.startsWith('pkg:')) return p.purl !== undefined && (p.purl === entry.package || p.purl.split('?')[0] === entry.package);
  return p.name === entry.package;
}

function vexFor(statements: readonly VexStatement[], f: Finding): VexStatement | undefined {
  const ids = idsOf(f);
  // the last statement about a vulnerability wins (documents are read in order)
  return statements.filter((s) => ids.includes(s.vulnerability) && vexCovers(s, packageOf(f).purl)).at(-1);
}

/** Applies the severity filter, --ignore-unfixed, the ignore file and VEX to a scan result. */
export function applyScanPolicy(result: Pick<ScanResult, 'matches' | 'secrets' | 'unknowns'>, policy: ScanPolicy): ScanReport {
  const keep = (m: VulnMatch): boolean => !(policy.ignoreUnfixed === true && m.status === 'not-fixed');
  const all = [...result.matches.filter(keep).map(toFinding), ...result.secrets.map(secretFinding)].filter(
    (f) => policy.severities === undefined || policy.severities.includes(f.severity),
  );
  const ignores = policy.ignores ?? [];
  const active = ignores.filter((e) => !isExpired(e, policy.today));
  const findings: Finding[] = [];
  const suppressed: SuppressedEntry[] = [];
  for (const f of all) {
    const vex = vexFor(policy.vex ?? [], f);
    if (vex !== undefined && (vex.status === 'not_affected' || vex.status === 'fixed')) {
      const why = [vex.status === 'fixed' ? 'VEX: fixed' : 'VEX: not affected', vex.justification, vex.detail].filter((x) => x !== undefined).join(': ');
      suppressed.push({ finding: { ...f, evidence: { ...f.evidence, vex: { status: vex.status, justification: vex.justification ?? null, detail: vex.detail ?? null } } }, reason: why, source: { file: vex.file } });
      continue;
    }
    const entry = active.find((e) => ignoreApplies(e, f));
    if (entry !== undefined) {
      suppressed.push({ finding: f, reason: entry.reason, ...(entry.expires === undefined ? {} : { expires: entry.expires }), source: entry.location });
      continue;
    }
    findings.push(f);
  }
  const expiredIgnores = ignores.filter((e) => isExpired(e, policy.today));
  return { findings, suppressed, expiredIgnores, unknowns: result.unknowns };
}
