/**
 * CVSS v3.0 / v3.1 base score, computed per FIRST's specification (section 7 formulas and the
 * Appendix A rounding of v3.1). Returns undefined for a vector that is not a complete v3 base vector.
 */
const AV = { N: 0.85, A: 0.62, L: 0.55, P: 0.2 } as const;
const AC = { L: 0.77, H: 0.44 } as const;
const UI = { N: 0.85, R: 0.62 } as const;
const CIA = { H: 0.56, L: 0.22, N: 0 } as const;

function roundUp31(value: number): number {
  const scaled = Math.round(value * 100000);
  return scaled % 10000 === 0 ? scaled / 100000 : (Math.floor(scaled / 10000) + 1) / 10;
}

const roundUp30 = (value: number): number => Math.ceil(value * 10) / 10;

export function parseCvssV3(vector: string): Map<string, string> | undefined {
  const parts = vector.trim().split('/');
  const head = parts.shift();
  if (head !== 'CVSS:3.0' && head !== 'CVSS:3.1') return undefined;
  const metrics = new Map<string, string>();
  for (const part of parts) {
    const [k, v] = part.split(':');
    if (k === undefined || v === undefined || metrics.has(k)) return undefined;
    metrics.set(k, v);
  }
  metrics.set('version', head.slice(5));
  return metrics;
}

export function cvssV3BaseScore(vector: string): number | undefined {
  const m = parseCvssV3(vector);
  if (m === undefined) return undefined;
  const pick = <T extends Record<string, number>>(table: T, key: string): number | undefined =>
    Object.hasOwn(table, m.get(key) ?? '') ? table[m.get(key) as keyof T] : undefined;
  const scope = m.get('S');
  const av = pick(AV, 'AV');
  const ac = pick(AC, 'AC');
  const ui = pick(UI, 'UI');
  const c = pick(CIA, 'C');
  const i = pick(CIA, 'I');
  const a = pick(CIA, 'A');
  const prKey = m.get('PR');
  const pr = prKey === 'N' ? 0.85 : prKey === 'L' ? (scope === 'C' ? 0.68 : 0.62) : prKey === 'H' ? (scope === 'C' ? 0.5 : 0.27) : undefined;
  if (av === undefined || ac === undefined || ui === undefined || c === undefined || i === undefined || a === undefined || pr === undefined) return undefined;
  if (scope !== 'U' && scope !== 'C') return undefined;
  const iss = 1 - (1 - c) * (1 - i) * (1 - a);
  const impact = scope === 'U' ? 6.42 * iss : 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15);
  const exploitability = 8.22 * av * ac * pr * ui;
  if (impact <= 0) return 0;
  const roundUp = m.get('version') === '3.0' ? roundUp30 : roundUp31;
  return scope === 'U' ? roundUp(Math.min(impact + exploitability, 10)) : roundUp(Math.min(1.08 * (impact + exploitability), 10));
}
