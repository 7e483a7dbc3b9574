import cvssLib from 'ae-cvss-calculator';

/**
 * CVSS v4.0 base score. v4 scores come from FIRST's normative MacroVector lookup table and
 * severity-distance interpolation; Rampart validates the vector itself (every base metric present
 * with a legal value) and delegates the table-driven scoring to ae-cvss-calculator, a maintained
 * implementation of FIRST's specification.
 */
const BASE: Readonly<Record<string, readonly string[]>> = {
  AV: ['N', 'A', 'L', 'P'], AC: ['L', 'H'], AT: ['N', 'P'], PR: ['N', 'L', 'H'], UI: ['N', 'P', 'A'],
  VC: ['H', 'L', 'N'], VI: ['H', 'L', 'N'], VA: ['H', 'L', 'N'], SC: ['H', 'L', 'N'], SI: ['H', 'L', 'N'], SA: ['H', 'L', 'N'],
};

export function isCompleteCvssV4(vector: string): boolean {
  const parts = vector.trim().split('/');
  if (parts.shift() !== 'CVSS:4.0') return false;
  const seen = new Map<string, string>();
  for (const part of parts) {
    const [k, v] = part.split(':');
    if (k === undefined || v === undefined || seen.has(k)) return false;
    seen.set(k, v);
  }
  return Object.entries(BASE).every(([k, values]) => values.includes(seen.get(k) ?? ''));
}

export function cvssV4BaseScore(vector: string): number | undefined {
  if (!isCompleteCvssV4(vector)) return undefined;
  try {
    const score = new cvssLib.Cvss4P0(vector.trim()).calculateScores().base;
    return typeof score === 'number' && Number.isFinite(score) ? score : undefined;
  } catch {
    // the vector passed our grammar check but carries an environmental/threat value the library rejects
    return undefined;
  }
}
