import type { Unknown } from '../core/index.js';
import type { PackageInput } from '../match/index.js';
import type { Inventory, OsInfo, Package, PackageType } from '../sbom/index.js';
import { releaseOfCodename } from './distro-codenames.js';

/** Language package types → OSV ecosystem names (the matchers' keys). */
const languageEcosystems: Readonly<Partial<Record<PackageType, string>>> = {
  npm: 'npm',
  pypi: 'PyPI',
  golang: 'Go',
  maven: 'Maven',
  cargo: 'crates.io',
  gem: 'RubyGems',
  composer: 'Packagist',
  nuget: 'NuGet',
};

/** OS family (catalog's lowercase id) → OSV ecosystem of its advisories. */
const osEcosystems: Readonly<Record<string, string>> = {
  alpine: 'Alpine',
  wolfi: 'Wolfi',
  chainguard: 'Chainguard',
  debian: 'Debian',
  ubuntu: 'Ubuntu',
  redhat: 'Red Hat',
  rocky: 'Rocky Linux',
  alma: 'AlmaLinux',
  almalinux: 'AlmaLinux',
  'opensuse-leap': 'openSUSE',
  'opensuse-tumbleweed': 'openSUSE',
  sles: 'SUSE',
  'sle-micro': 'SUSE',
};

/** The OSV ecosystem a package's advisories live in, or the reason there is none. */
export function ecosystemOf(pkg: Package, os: OsInfo | undefined): { ecosystem: string } | { reason: string } {
  const lang = languageEcosystems[pkg.type];
  if (lang !== undefined) return { ecosystem: lang };
  const family = os?.family ?? purlNamespace(pkg.purl);
  if (family === undefined) return { reason: `the operating system of the ${pkg.type} package is unknown, so its distribution advisories cannot be chosen` };
  const eco = osEcosystems[family.toLowerCase()];
  if (eco === undefined) return { reason: `no advisory source for ${family} ${pkg.type} packages` };
  return { ecosystem: eco };
}

function purlNamespace(purl: string): string | undefined {
  const m = /^pkg:[a-z]+\/([^/]+)\//.exec(purl);
  return m?.[1] === undefined ? undefined : decodeURIComponent(m[1]);
}

function purlDistro(purl: string): string | undefined {
  const m = /[?&]distro=([^&#]+)/.exec(purl);
  if (m?.[1] === undefined) return undefined;
  const value = decodeURIComponent(m[1]);
  const dash = /-(\d[\w.]*)$/.exec(value);
  if (dash?.[1] !== undefined) return dash[1];
  // a codename, alone or after the family (`focal`, `debian-bookworm`)
  return releaseOfCodename(value.slice(value.lastIndexOf('-') + 1));
}

/**
 * Adapts an inventory to the matchers' input. Language packages installed by an OS package
 * (`ownedBy`) are matched once, through the OS package. Packages whose advisory ecosystem cannot be
 * chosen become unknowns (never silently skipped).
 */
export function packageInputs(inventory: Inventory): { inputs: PackageInput[]; unknowns: Unknown[] } {
  const inputs: PackageInput[] = [];
  const unknowns: Unknown[] = [];
  for (const pkg of inventory.packages) {
    if (pkg.ownedBy !== undefined) continue;
    const location = { path: pkg.evidence.path, ...(pkg.evidence.layer === undefined ? {} : { layer: pkg.evidence.layer }) };
    const eco = ecosystemOf(pkg, inventory.os);
    if ('reason' in eco) {
      unknowns.push({ reason: `${pkg.name} ${pkg.version}: ${eco.reason}`, location });
      continue;
    }
    const release = inventory.os?.version ?? purlDistro(pkg.purl);
    const isOs = pkg.type === 'apk' || pkg.type === 'deb' || pkg.type === 'rpm';
    inputs.push({
      ecosystem: eco.ecosystem,
      name: pkg.name,
      version: pkg.version,
      ...(pkg.sourceName === undefined ? {} : { sourceName: pkg.sourceName }),
      ...(pkg.sourceVersion === undefined ? {} : { sourceVersion: pkg.sourceVersion }),
      ...(isOs && release !== undefined && release !== '' ? { distroRelease: release } : {}),
      purl: pkg.purl,
      location,
    });
  }
  return { inputs, unknowns };
}
