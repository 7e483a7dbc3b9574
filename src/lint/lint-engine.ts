import type { Finding, Location, Registry } from '../core/index.js';
import type { Check, CheckContext, Violation } from './check.js';
import type { LintException, SuppressedFinding } from './exceptions.js';
import { isExpired } from './exceptions.js';
import type { LintInput, WorkloadSpec } from './model.js';
import type { Profile } from './profiles.js';

export interface LintOptions {
  readonly registry: Registry<Check>;
  readonly profile: Profile;
  readonly context: CheckContext;
  /** Exceptions from a file (inline ones come with the input). */
  readonly exceptions?: readonly LintException[];
  /** Today's date (`YYYY-MM-DD`) for expiry; injected so tests are deterministic. */
  readonly today: string;
}

export interface LintResult {
  readonly findings: Finding[];
  readonly suppressed: SuppressedFinding[];
  /** Checks the profile selected for these inputs. */
  readonly checksRun: string[];
}

/** Runs the profile's checks over one input's workloads and mesh policies, then applies exceptions. */
export function lintInput(input: LintInput, options: LintOptions): LintResult {
  const selected = options.registry.units.filter((check) => options.profile.includes(check, options.context.pssVersion));
  const findings: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  const checksRun = new Set<string>();
  const inline: LintException[] = input.inlineExceptions.map((e) => ({
    checkId: e.checkId,
    reason: e.reason ?? '',
    ...(e.expires === undefined ? {} : { expires: e.expires }),
    location: e.location,
  }));
  const record = (check: Check, violation: Violation, workload: WorkloadSpec | undefined): void => {
    const finding = toFinding(check, violation, workload);
    const exception = findException(finding, workload, input, [...inline, ...(options.exceptions ?? [])], options.today);
    if (exception === undefined) findings.push(finding);
    else if (isExpired(exception, options.today)) findings.push({ ...finding, evidence: { ...finding.evidence, exceptionExpired: exception.expires } });
    else suppressed.push({ finding, exception });
  };
  for (const check of selected) {
    if (check.scope === 'workload') {
      for (const workload of input.workloads) {
        if (!check.sources.includes(workload.source)) continue;
        checksRun.add(check.id);
        for (const violation of check.evaluate(workload, options.context)) record(check, violation, workload);
      }
    } else {
      for (const policy of input.meshPolicies) {
        checksRun.add(check.id);
        for (const violation of check.evaluate(policy, options.context)) record(check, violation, undefined);
      }
    }
  }
  return { findings, suppressed, checksRun: [...checksRun].sort() };
}

function toFinding(check: Check, violation: Violation, workload: WorkloadSpec | undefined): Finding {
  return {
    id: check.id,
    severity: check.severity,
    message: `${check.title}: ${violation.detail}`,
    location: violation.location,
    evidence: {
      ...(workload === undefined ? {} : { workload: `${workload.kind}/${workload.name}`, source: workload.source }),
      references: check.references,
      // `rampart fix` rewrites config files and argv, not images or live containers.
      fixable: check.fixable && workload?.source !== 'image' && workload?.source !== 'container',
      ...violation.evidence,
    },
    fix: { description: check.remediation },
  };
}

/**
 * The exception that matches a finding, if any. An expired match is returned too (the caller
 * re-raises the finding); a live one wins over an expired one.
 */
function findException(
  finding: Finding,
  workload: WorkloadSpec | undefined,
  input: LintInput,
  exceptions: readonly LintException[],
  today: string,
): LintException | undefined {
  const matches = exceptions.filter((e) => e.checkId === finding.id && covers(e, finding.location, workload, input));
  return matches.find((e) => !isExpired(e, today)) ?? matches[0];
}

function covers(exception: LintException, location: Location, workload: WorkloadSpec | undefined, input: LintInput): boolean {
  const inlineLines = input.inlineExceptions.find((i) => i.location === exception.location)?.lines;
  if (inlineLines !== undefined) {
    // An inline comment covers its own line and the next one, or the whole workload starting there.
    if (location.line !== undefined && inlineLines.includes(location.line)) return true;
    return workload?.location.line !== undefined && inlineLines.includes(workload.location.line);
  }
  if (exception.file !== undefined && !(location.file ?? input.target).endsWith(exception.file)) return false;
  if (exception.workload !== undefined && workload?.name !== exception.workload) return false;
  return true;
}
