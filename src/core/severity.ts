/** Severities in ascending order: `unknown < low < medium < high < critical`. */
export const severities = ['unknown', 'low', 'medium', 'high', 'critical'] as const;

export type Severity = (typeof severities)[number];

export function isSeverity(value: string): value is Severity {
  return (severities as readonly string[]).includes(value);
}

/** Parses a user-supplied severity (case-insensitive); undefined when it is not one. */
export function parseSeverity(value: string): Severity | undefined {
  const lower = value.trim().toLowerCase();
  return isSeverity(lower) ? lower : undefined;
}

export function severityRank(severity: Severity): number {
  return severities.indexOf(severity);
}

/** Negative when a < b, 0 when equal, positive when a > b. */
export function compareSeverity(a: Severity, b: Severity): number {
  return severityRank(a) - severityRank(b);
}

export function atLeast(severity: Severity, threshold: Severity): boolean {
  return compareSeverity(severity, threshold) >= 0;
}
