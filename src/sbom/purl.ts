import { createRequire } from 'node:module';
import type * as PackageUrlLibrary from 'packageurl-js';
import type { PackageURL } from 'packageurl-js';
import type { OsInfo, PackageType } from './package.js';
import { isPackageType } from './package.js';

/**
 * packageurl-js, required on first use: loading it builds an Intl.Collator (ICU collation data,
 * about 10 ms), which a run that builds or reads no purl (a warm `sbom`) should not pay. It is a
 * CommonJS package; Node's module cache keeps the one instance.
 */
const requireHere = createRequire(import.meta.url);
const loadLibrary = (): typeof PackageUrlLibrary => requireHere('packageurl-js') as typeof PackageUrlLibrary;

/** What a purl is built from: the package's identity plus the OS (for distro qualifiers). */
export interface PurlInput {
  readonly type: PackageType;
  readonly name: string;
  readonly version: string;
  readonly arch?: string;
  readonly epoch?: number;
}

/**
 * Builds a package URL (github.com/package-url/purl-spec). OS packages carry the distro as namespace
 * and `distro` qualifier; dpkg/rpm epochs go into an `epoch` qualifier, as the purl spec's rpm
 * examples and common scanners do.
 */
export function buildPurl(pkg: PurlInput, os: OsInfo | undefined): string {
  const qualifiers: Record<string, string> = {};
  let namespace: string | undefined;
  let name = pkg.name;
  let version = pkg.version;
  switch (pkg.type) {
    case 'apk':
    case 'deb':
    case 'rpm': {
      namespace = os?.family ?? (pkg.type === 'apk' ? 'alpine' : pkg.type === 'deb' ? 'debian' : 'redhat');
      if (pkg.arch !== undefined && pkg.arch !== '') qualifiers['arch'] = pkg.arch;
      const colon = version.indexOf(':');
      if (pkg.type !== 'apk' && colon > 0 && /^\d+$/.test(version.slice(0, colon))) {
        qualifiers['epoch'] = version.slice(0, colon);
        version = version.slice(colon + 1);
      } else if (pkg.epoch !== undefined && pkg.epoch > 0) {
        qualifiers['epoch'] = String(pkg.epoch);
      }
      if (os !== undefined) qualifiers['distro'] = pkg.type === 'apk' ? os.version : `${os.family}-${os.version}`;
      break;
    }
    case 'npm':
    case 'composer':
    case 'golang': {
      const slash = name.lastIndexOf('/');
      if (slash > 0) {
        namespace = name.slice(0, slash);
        name = name.slice(slash + 1);
      }
      break;
    }
    case 'maven': {
      const colon = name.indexOf(':');
      if (colon > 0) {
        namespace = name.slice(0, colon);
        name = name.slice(colon + 1);
      }
      break;
    }
    case 'pypi':
      name = name.toLowerCase().replace(/[-_.]+/g, '-');
      break;
    default:
      break;
  }
  const hasQualifiers = Object.keys(qualifiers).length > 0;
  const { PackageURL: Purl } = loadLibrary();
  return new Purl(pkg.type, namespace, name, version === '' ? undefined : version, hasQualifiers ? qualifiers : undefined, undefined).toString();
}

export interface ParsedPurl {
  readonly type: PackageType;
  readonly name: string;
  readonly version: string;
  readonly arch?: string;
  readonly epoch?: number;
  readonly distro?: string;
}

export type ParsePurlResult = { ok: true; purl: ParsedPurl } | { ok: false; reason: string };

/** Reads a purl back into Rampart's naming (maven `group:artifact`, npm `@scope/name`, go full path). */
export function parsePurl(text: string): ParsePurlResult {
  let p: PackageURL;
  try {
    p = loadLibrary().PackageURL.fromString(text);
  } catch (error) {
    return { ok: false, reason: `invalid purl ${JSON.stringify(text)}: ${(error as Error).message}` };
  }
  if (!isPackageType(p.type)) return { ok: false, reason: `unsupported purl type ${p.type}` };
  // `pkg:apk/alpine/@1.2` has no name: the parser takes the version for it
  if (p.name === '' || p.name.startsWith('@')) return { ok: false, reason: `invalid purl ${JSON.stringify(text)}: no package name` };
  const ns = p.namespace ?? undefined;
  let name = p.name;
  if (ns !== undefined && ns !== '') {
    if (p.type === 'maven') name = `${ns}:${p.name}`;
    else if (p.type === 'npm' || p.type === 'golang' || p.type === 'composer') name = `${ns}/${p.name}`;
  }
  const q = p.qualifiers ?? {};
  const epoch = q['epoch'] !== undefined ? Number.parseInt(q['epoch'], 10) : undefined;
  let version = p.version ?? '';
  if ((p.type === 'deb' || p.type === 'rpm') && epoch !== undefined && epoch > 0 && !version.includes(':')) version = `${epoch}:${version}`;
  return {
    ok: true,
    purl: {
      type: p.type,
      name,
      version,
      ...(q['arch'] !== undefined ? { arch: q['arch'] } : {}),
      ...(epoch !== undefined && !Number.isNaN(epoch) ? { epoch } : {}),
      ...(q['distro'] !== undefined ? { distro: q['distro'] } : {}),
    },
  };
}
