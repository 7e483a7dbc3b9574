/**
 * OSV ecosystem strings carry a release after a colon for distributions (`Debian:12`,
 * `Alpine:v3.18`, `Ubuntu:22.04:LTS`). The index is keyed by the part before the first colon.
 */
export function ecosystemBase(ecosystem: string): string {
  const colon = ecosystem.indexOf(':');
  return colon < 0 ? ecosystem : ecosystem.slice(0, colon);
}

/** The release part of a distribution ecosystem (`12`, `v3.18`, `22.04:LTS`), if any. */
export function ecosystemRelease(ecosystem: string): string | undefined {
  const colon = ecosystem.indexOf(':');
  return colon < 0 ? undefined : ecosystem.slice(colon + 1);
}

/** Package names as the ecosystem compares them (PEP 503 for PyPI, case-insensitive NuGet; others exact). */
export function normalizePackageName(base: string, name: string): string {
  if (base === 'PyPI') return name.toLowerCase().replace(/[-_.]+/g, '-');
  if (base === 'NuGet') return name.toLowerCase();
  return name;
}
