import type { Finding } from '../core/index.js';
import type { Inventory } from '../sbom/index.js';
import { encodeCycloneDx } from '../sbom/index.js';
import type { ScanReport } from './scan-policy.js';

type Json = Record<string, unknown>;

const cdxSeverity = (s: string): string => (s === 'unknown' ? 'unknown' : s);

function sourceOf(id: string): Json {
  if (id.startsWith('CVE-')) return { name: 'NVD', url: `https://nvd.nist.gov/vuln/detail/${id}` };
  if (id.startsWith('GHSA-')) return { name: 'GitHub', url: `https://github.com/advisories/${id}` };
  return { name: 'OSV', url: `https://osv.dev/vulnerability/${id}` };
}

/**
 * CycloneDX 1.6 of the target's inventory with a `vulnerabilities` array: each finding refers to
 * its component's bom-ref; suppressed findings carry their VEX analysis (`not_affected` + justification).
 */
export async function renderScanCycloneDx(report: ScanReport, inventory: Inventory, toolVersion: string): Promise<string> {
  const bom = JSON.parse(await encodeCycloneDx(inventory, { toolVersion })) as Json;
  const refByPurl = new Map<string, string>();
  for (const c of (bom['components'] as Json[] | undefined) ?? []) {
    if (typeof c['purl'] === 'string' && typeof c['bom-ref'] === 'string') refByPurl.set(c['purl'], c['bom-ref']);
  }
  const vulnerability = (f: Finding, analysis?: Json): Json | undefined => {
    if (f.evidence['kind'] === 'secret') return undefined;
    const pkg = f.evidence['package'] as { purl?: string; name: string; version: string };
    const ref = pkg.purl === undefined ? undefined : (refByPurl.get(pkg.purl) ?? pkg.purl);
    const fixed = f.evidence['fixedVersion'] as string | undefined;
    const aliases = (f.evidence['aliases'] as string[] | undefined) ?? [];
    return {
      id: f.id,
      source: sourceOf(f.id),
      ...(aliases.length === 0 ? {} : { references: aliases.map((a) => ({ id: a, source: sourceOf(a) })) }),
      ratings: [{ severity: cdxSeverity(f.severity), method: 'other' }],
      description: f.message,
      ...(fixed === undefined ? {} : { recommendation: `upgrade ${pkg.name} to ${fixed} or later` }),
      ...(analysis === undefined ? {} : { analysis }),
      affects: ref === undefined ? [] : [{ ref, versions: [{ version: pkg.version, status: analysis === undefined ? 'affected' : 'unaffected' }] }],
    };
  };
  const justifications = new Set(['code_not_present', 'code_not_reachable', 'requires_configuration', 'requires_dependency', 'requires_environment', 'protected_by_compiler', 'protected_at_runtime', 'protected_at_perimeter', 'protected_by_mitigating_control']);
  const openVexToCdx: Readonly<Record<string, string>> = {
    component_not_present: 'requires_dependency',
    vulnerable_code_not_present: 'code_not_present',
    vulnerable_code_not_in_execute_path: 'code_not_reachable',
    vulnerable_code_cannot_be_controlled_by_adversary: 'requires_environment',
    inline_mitigations_already_exist: 'protected_by_mitigating_control',
  };
  const cdxJustification = (j: string | null): string | undefined => (j === null ? undefined : justifications.has(j) ? j : openVexToCdx[j]);
  const vulns = [
    ...report.findings.map((f) => vulnerability(f)),
    ...report.suppressed.map((s) => {
      const vex = s.finding.evidence['vex'] as { status: string; justification: string | null } | undefined;
      const analysis: Json =
        vex === undefined
          ? { state: 'not_affected', detail: s.reason }
          : { state: vex.status === 'fixed' ? 'resolved' : 'not_affected', ...(cdxJustification(vex.justification) === undefined ? {} : { justification: cdxJustification(vex.justification) }), detail: s.reason };
      return vulnerability(s.finding, analysis);
    }),
  ].filter((v): v is Json => v !== undefined);
  bom['vulnerabilities'] = vulns;
  return `${JSON.stringify(bom, null, 2)}\n`;
}
