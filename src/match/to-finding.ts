import type { Finding } from '../core/index.js';
import type { VulnMatch } from './vuln-match.js';

/** A match as a core Finding, for reporters: the explanation travels in `evidence`. */
export function toFinding(match: VulnMatch): Finding {
  const p = match.package;
  const fix = match.fixedVersion;
  return {
    id: match.id,
    severity: match.severity,
    message: `${p.name} ${p.version} is affected by ${match.id}${fix === undefined ? ' (no fixed version yet)' : `, fixed in ${fix}`}`,
    location: match.explanation.location,
    evidence: {
      aliases: match.aliases,
      package: { name: p.name, version: p.version, ecosystem: p.ecosystem, ...(p.purl === undefined ? {} : { purl: p.purl }) },
      fixedVersion: fix,
      status: match.status,
      explanation: match.explanation,
    },
    ...(fix === undefined ? {} : { fix: { description: `upgrade ${p.sourceName ?? p.name} to ${fix} or later` } }),
  };
}
