import type { Unknown } from '../core/index.js';
import type { MatchUnknown, VulnMatcher, VulnMatch } from '../match/index.js';
import type { Inventory } from '../sbom/index.js';
import { packageInputs } from './package-inputs.js';

const matchUnknown = (u: MatchUnknown): Unknown => ({
  reason: `${u.package.name} ${u.package.version}${u.advisoryIds.length > 0 ? ` (${u.advisoryIds.join(', ')})` : ''}: ${u.reason}`,
  location: u.location,
});

/**
 * The vulnerability step of a scan, shared by `rampart scan` and re-matching stored SBOMs: the
 * inventory through the package adapter (`packageInputs`) and the matchers. The unknowns are this
 * step's own (an empty inventory, packages with no advisory source, undecidable advisories), not the
 * inventory's catalog unknowns.
 */
export function matchInventory(matcher: Pick<VulnMatcher, 'matchPackages'>, inventory: Inventory, target: string): { matches: readonly VulnMatch[]; unknowns: Unknown[] } {
  const unknowns: Unknown[] = [];
  if (inventory.packages.length === 0) {
    // an empty inventory is never a clean result: the target may hold formats the catalog cannot read
    unknowns.push({ reason: 'no packages were found in the target (no supported package database, lockfile or SBOM component)', location: { file: target } });
  }
  const adapted = packageInputs(inventory);
  unknowns.push(...adapted.unknowns);
  const result = matcher.matchPackages(adapted.inputs);
  unknowns.push(...result.unknowns.map(matchUnknown));
  return { matches: result.matches, unknowns };
}
