import { posix } from 'node:path';
import { defineAnalyzer, unknownFact } from '../analyzer.js';
import type { Fact } from '../fact.js';
import type { LockedPythonPackage } from '../python-lock.js';
import { pythonPackageFacts } from '../python-lock.js';

/** Any `*requirements*.txt` (requirements.txt, requirements-dev.txt, my-requirements.txt), as osv-scanner reads them. */
const fileName = /\/[^/]*requirements[^/]*\.txt$/;
const requirement = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[[^\]]*\])?\s*(.*)$/;
const clause = /^(===|==|~=|!=|<=|>=|<|>)\s*(\S+)$/;

export interface RequirementsResult {
  readonly packages: LockedPythonPackage[];
  /** Requirements that name no exact version (`name>=1`, `name @ url`, `-e path`), with their line. */
  readonly unpinned: string[];
  /** `-r`/`--requirement` includes, relative paths as written, with their line. */
  readonly includes: { readonly file: string; readonly line: number }[];
}

function decode(content: Buffer): string {
  if (content[0] === 0xff && content[1] === 0xfe) return content.subarray(2).toString('utf16le');
  if (content[0] === 0xfe && content[1] === 0xff) return Buffer.from(content.subarray(2, content.length - (content.length % 2))).swap16().toString('utf16le');
  return content.toString('utf8').replace(/^\uFEFF/, '');
}

/** Logical lines: `\` at the end of a line continues it; comments (`#` at the start or after a blank) removed. */
function logicalLines(text: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  let pending: { line: number; text: string } | undefined;
  text.split(/\r?\n/).forEach((raw, i) => {
    const continued = raw.endsWith('\\');
    const body = continued ? raw.slice(0, -1) : raw;
    pending = pending === undefined ? { line: i + 1, text: body } : { line: pending.line, text: `${pending.text} ${body}` };
    if (!continued) {
      out.push({ line: pending.line, text: pending.text.replace(/(^|\s)#.*$/, '').trim() });
      pending = undefined;
    }
  });
  if (pending !== undefined) out.push({ line: pending.line, text: pending.text.replace(/(^|\s)#.*$/, '').trim() });
  return out.filter((l) => l.text !== '');
}

/**
 * A pip requirements file. Only requirements pinned to one exact version (`==X`, `===X`, with
 * extras, environment markers and `--hash` options allowed) are packages: the version that gets
 * installed from any other line is unknown. Trivy drops those lines silently; here they are returned
 * (`unpinned`) so the analyzer reports them as one unknown instead of a clean result. `isPep440`
 * tells a version from anything else after `==`.
 */
export function parseRequirements(content: Buffer, isPep440: (version: string) => boolean): RequirementsResult {
  const packages: LockedPythonPackage[] = [];
  const unpinned: string[] = [];
  const includes: { file: string; line: number }[] = [];
  for (const { line, text } of logicalLines(decode(content))) {
    if (text.startsWith('-')) {
      const include = /^(?:-r\s*|--requirement(?:\s+|=))(\S+)$/.exec(text);
      if (include?.[1] !== undefined) includes.push({ file: include[1], line });
      else if (/^(?:-e|--editable)\b/.test(text)) unpinned.push(`${text} (line ${line})`);
      continue; // other options: index URLs, constraints (-c), --pre, --require-hashes, ...
    }
    const spec = text.replace(/\s+--?[A-Za-z][\s\S]*$/, ''); // per-requirement options (--hash=...)
    const m = /:\/\/|\s@\s|^[./]/.test(spec) ? null : requirement.exec(spec.replace(/;[\s\S]*$/, '').trim());
    const clauses = (m?.[2] ?? '').split(',').map((c) => c.trim()).filter((c) => c !== '');
    const pins = clauses.map((c) => clause.exec(c)).filter((c) => c !== null && (c[1] === '===' || (c[1] === '==' && !c[2]?.includes('*'))));
    const version = pins[0]?.[2];
    if (m?.[1] === undefined || pins.length !== 1 || version === undefined || clauses.some((c) => clause.exec(c) === null) || (pins[0]?.[1] === '==' && !isPep440(version))) {
      unpinned.push(`${spec} (line ${line})`);
      continue;
    }
    packages.push({ name: m[1], version, dev: false });
  }
  return { packages, unpinned, includes };
}

/** `-r` target inside the target's tree, or undefined when it leaves it (absolute, URL, or above the root). */
function includedPath(from: string, file: string): string | undefined {
  if (file.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(file)) return undefined;
  const parts: string[] = [];
  for (const seg of [...posix.dirname(from).split('/'), ...file.split('/')]) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.pop() === undefined) return undefined;
    } else parts.push(seg);
  }
  return `/${parts.join('/')}`;
}

/** Python requirements pinned in pip requirements files (`*requirements*.txt`). */
export const pipRequirements = defineAnalyzer({
  id: 'pip-requirements',
  version: 1,
  description: 'Python dependencies pinned (==, ===) in pip requirements files (*requirements*.txt)',
  declared: true,
  readsCompanions: true,
  required(path) {
    return fileName.test(path) && !/\/(?:site-packages|dist-packages|node_modules)\//.test(path);
  },
  async analyze({ path, content, companion }) {
    // the version schemes load only when a requirements file is found
    const { getVersionScheme } = await import('../../versioning/index.js');
    const result = parseRequirements(content, getVersionScheme('pep440').isValid);
    const facts: Fact[] = pythonPackageFacts(path, result.packages);
    if (result.unpinned.length > 0) {
      const shown = result.unpinned.slice(0, 5).join('; ') + (result.unpinned.length > 5 ? `; and ${result.unpinned.length - 5} more` : '');
      facts.push(unknownFact(path, `requirements: ${result.unpinned.length} requirement(s) without one exact ==/=== version are not inventoried (the installed version is unknown): ${shown}`));
    }
    for (const inc of result.includes) {
      const target = includedPath(path, inc.file);
      if (target !== undefined && fileName.test(target) && companion?.(target) !== undefined) continue; // inventoried on its own
      const why = target === undefined ? 'it is outside the scanned tree' : fileName.test(target) ? 'it is not in the scanned tree' : 'only *requirements*.txt files are read';
      facts.push(unknownFact(path, `requirements: -r ${inc.file} (line ${inc.line}) not followed: ${why}`));
    }
    return facts;
  },
});
