import { defineAnalyzer, unknownFact } from '../analyzer.js';
import type { Fact } from '../fact.js';

/** os-release `ID` → the family Rampart (and distro advisories) use. */
const familyById: Readonly<Record<string, string>> = {
  alpine: 'alpine',
  wolfi: 'wolfi',
  chainguard: 'chainguard',
  debian: 'debian',
  ubuntu: 'ubuntu',
  rhel: 'redhat',
  centos: 'centos',
  rocky: 'rocky',
  almalinux: 'alma',
  fedora: 'fedora',
  ol: 'oracle',
  amzn: 'amazon',
  'opensuse-leap': 'opensuse-leap',
  opensuse: 'opensuse-leap',
  'opensuse-tumbleweed': 'opensuse-tumbleweed',
  sles: 'sles',
  'sle-micro': 'sle-micro',
  'sle-micro-rancher': 'sle-micro',
  'sl-micro': 'sle-micro',
  photon: 'photon',
  mariner: 'cbl-mariner',
  azurelinux: 'azurelinux',
  echo: 'echo',
  minimos: 'minimos',
  bottlerocket: 'bottlerocket',
};

/** `*-release` first lines: "CentOS Linux release 7.6.1810 (Core)". */
const releaseLine: readonly [RegExp, string][] = [
  [/^centos(?: linux| stream)? release (\S+)/i, 'centos'],
  [/^rocky linux release (\S+)/i, 'rocky'],
  [/^almalinux release (\S+)/i, 'alma'],
  [/^fedora release (\S+)/i, 'fedora'],
  [/^oracle linux server release (\S+)/i, 'oracle'],
  [/^red hat (?:enterprise )?linux(?: server)? release (\S+)/i, 'redhat'],
  [/^amazon linux(?: ami)? release (\S+)/i, 'amazon'],
];

const releaseFiles = /^\/etc\/(?:centos|redhat|rocky|almalinux|fedora|oracle|system)-release$/;
const osRelease = /^\/(?:etc|usr\/lib)\/os-release$/;

export function parseOsReleaseFields(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const eq = line.indexOf('=');
    if (line.startsWith('#') || eq <= 0) continue;
    fields.set(line.slice(0, eq), line.slice(eq + 1).replace(/^["']|["']$/g, ''));
  }
  return fields;
}

function osFact(path: string, family: string, version: string, priority: number, name?: string): Fact {
  return { kind: 'os', path, priority, os: { family, version, ...(name !== undefined ? { name } : {}) } };
}

/**
 * The operating system: `os-release` (ID, VERSION_ID), refined by distro files that carry a more
 * precise version (`alpine-release` 3.11.5, `debian_version` 12.5, `centos-release` 7.6.1810).
 * A higher `priority` wins when several files speak.
 */
export const osReleaseAnalyzer = defineAnalyzer({
  id: 'os-release',
  version: 1,
  description: 'Operating system family and version from os-release, lsb-release and distro release files',
  required(path) {
    return osRelease.test(path) || releaseFiles.test(path) || path === '/etc/alpine-release' || path === '/etc/debian_version' || path === '/etc/lsb-release';
  },
  analyze({ path, content }) {
    const text = content.toString('utf8');
    const first = (text.split('\n')[0] ?? '').trim();
    if (path === '/etc/alpine-release') return first === '' ? [] : [osFact(path, 'alpine', first, 30)];
    if (path === '/etc/debian_version') {
      // "12.5" on releases; "bookworm/sid" on testing/unstable (then os-release decides)
      return /^\d+(?:\.\d+)*$/.test(first) ? [osFact(path, 'debian', first, 30)] : [];
    }
    if (path === '/etc/lsb-release') {
      const f = parseOsReleaseFields(text);
      const id = f.get('DISTRIB_ID')?.toLowerCase();
      const version = f.get('DISTRIB_RELEASE');
      return id === 'ubuntu' && version !== undefined ? [osFact(path, 'ubuntu', version, 20)] : [];
    }
    if (releaseFiles.test(path)) {
      for (const [re, family] of releaseLine) {
        const m = re.exec(first);
        if (m?.[1] !== undefined) return [osFact(path, family, m[1], 30)];
      }
      return [];
    }
    const f = parseOsReleaseFields(text);
    const id = f.get('ID')?.toLowerCase();
    if (id === undefined) return [];
    const family = familyById[id];
    if (family === undefined) return [];
    const version = f.get('VERSION_ID') ?? (id === 'debian' ? undefined : f.get('BUILD_ID'));
    if (version === undefined || version === '') {
      return id === 'debian' ? [osFact(path, 'debian', 'unstable', 5)] : [unknownFact(path, `os-release ID=${id} has no VERSION_ID`)];
    }
    return [osFact(path, family, version, path.startsWith('/etc/') ? 20 : 10, f.get('PRETTY_NAME'))];
  },
});
