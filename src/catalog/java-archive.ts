import { unzipSync } from 'fflate';

/** A Maven artifact found in a Java archive; `innerPath` names the nested archive it sits in. */
export interface JavaArtifact {
  readonly groupId: string;
  readonly artifactId: string;
  readonly version: string;
  readonly innerPath?: string;
}

export type JavaArchiveResult = { ok: true; artifacts: JavaArtifact[] } | { ok: false; reason: string };

const nestedArchive = /\.(?:jar|war|ear|par)$/i;
const maxDepth = 8;
/** Bound on what one archive may decompress to (nested archives included): zip bombs stop here. */
const maxInflated = 512 * 1024 * 1024;

function parseProperties(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    const m = /^([^=:\s]+)\s*[=:\s]\s*(.*)$/.exec(line);
    if (m?.[1] !== undefined) map.set(m[1], (m[2] ?? '').trim());
  }
  return map;
}

/** MANIFEST.MF main section: `Key: value`, continuation lines start with one space. */
function parseManifest(text: string): Map<string, string> {
  const map = new Map<string, string>();
  let last: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (line === '') break; // end of the main section
    if (line.startsWith(' ') && last !== undefined) {
      map.set(last, `${map.get(last) ?? ''}${line.slice(1)}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    last = line.slice(0, colon).trim();
    map.set(last, line.slice(colon + 1).trim());
  }
  return map;
}

/** Maven coordinates a manifest implies (vendor id / bundle name, title, version), when complete. */
function manifestArtifact(m: Map<string, string>): { groupId: string; artifactId: string; version: string } | undefined {
  const get = (k: string): string => m.get(k) ?? '';
  const bundle = get('Bundle-SymbolicName').split(';')[0] ?? '';
  const groupId =
    get('Implementation-Vendor-Id') ||
    (bundle !== '' && bundle.lastIndexOf('.') > 0 ? bundle.slice(0, bundle.lastIndexOf('.')) : bundle) ||
    get('Specification-Vendor') ||
    get('Implementation-Vendor');
  const artifactId = get('Implementation-Title') || get('Specification-Title') || get('Bundle-Name');
  const version = get('Implementation-Version') || get('Specification-Version') || get('Bundle-Version');
  return groupId !== '' && artifactId !== '' && version !== '' ? { groupId, artifactId, version } : undefined;
}

/** `log4j-1.2.17.jar` → artifactId log4j, version 1.2.17. */
function fileNameArtifact(name: string): { artifactId: string; version: string } | undefined {
  const base = name.replace(/^.*\//, '').replace(nestedArchive, '');
  const m = /^(.+?)-(\d[\w.+-]*)$/.exec(base);
  return m === null ? undefined : { artifactId: m[1] ?? '', version: m[2] ?? '' };
}

/**
 * Maven artifacts in a JAR/WAR/EAR/PAR: every `META-INF/maven/**\/pom.properties` (the archive's own
 * and shaded ones), nested archives recursively, and, when no pom.properties names the archive
 * itself, the coordinates its MANIFEST.MF implies. Archives identifiable only by their SHA-1 (a
 * Maven Central lookup) are not resolved: no network during a scan.
 */
export function readJavaArchive(content: Uint8Array, name: string): JavaArchiveResult {
  const budget = { left: maxInflated };
  const artifacts: JavaArtifact[] = [];
  const problem = walk(content, name, undefined, 0, budget, artifacts);
  return problem === undefined ? { ok: true, artifacts } : { ok: false, reason: problem };
}

function walk(content: Uint8Array, name: string, innerPath: string | undefined, depth: number, budget: { left: number }, out: JavaArtifact[]): string | undefined {
  if (depth > maxDepth) return `archives nested deeper than ${maxDepth}`;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(content, {
      filter: (f) => {
        const wanted = f.name.endsWith('/pom.properties') || f.name === 'META-INF/MANIFEST.MF' || nestedArchive.test(f.name);
        if (!wanted) return false;
        budget.left -= f.originalSize;
        return budget.left >= 0;
      },
    });
  } catch (error) {
    return `${innerPath ?? name}: not a readable zip archive (${(error as Error).message})`;
  }
  if (budget.left < 0) return `${innerPath ?? name}: decompresses to more than ${maxInflated} bytes`;
  const own = fileNameArtifact(name);
  let namesItself = false;
  const here: JavaArtifact[] = [];
  for (const [entry, data] of Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!entry.endsWith('/pom.properties')) continue;
    const props = parseProperties(Buffer.from(data).toString('utf8'));
    const groupId = props.get('groupId') ?? '';
    const artifactId = props.get('artifactId') ?? '';
    const version = props.get('version') ?? '';
    if (groupId === '' || artifactId === '' || version === '') continue;
    if (own !== undefined && own.artifactId === artifactId && own.version === version) namesItself = true;
    // the same artifact shaded twice into one archive is one package
    if (here.some((h) => h.groupId === groupId && h.artifactId === artifactId && h.version === version)) continue;
    here.push({ groupId, artifactId, version, ...(innerPath !== undefined ? { innerPath } : {}) });
  }
  const manifest = files['META-INF/MANIFEST.MF'];
  if (!namesItself && manifest !== undefined) {
    const m = manifestArtifact(parseManifest(Buffer.from(manifest).toString('utf8')));
    if (m !== undefined && !here.some((h) => h.artifactId === m.artifactId && h.version === m.version) && here.length === 0) {
      here.push({ ...m, ...(innerPath !== undefined ? { innerPath } : {}) });
    }
  }
  out.push(...here);
  for (const [entry, data] of Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!nestedArchive.test(entry)) continue;
    const problem = walk(data, entry, innerPath === undefined ? entry : `${innerPath}/${entry}`, depth + 1, budget, out);
    if (problem !== undefined) return problem;
  }
  return undefined;
}
