import { posix } from 'node:path';
import { parse } from 'smol-toml';
import * as z from 'zod/mini';
import { checkSchema } from '../core/index.js';
import type { Fact } from './fact.js';
import { pep503Name, requirementName } from './pep503-name.js';

const pyproject = z.looseObject({
  project: z.optional(z.looseObject({ dependencies: z.optional(z.array(z.string())) })),
  tool: z.optional(
    z.looseObject({
      poetry: z.optional(z.looseObject({ dependencies: z.optional(z.record(z.string(), z.unknown())) })),
    }),
  ),
});

export type PyprojectDeps = { ok: true; main: ReadonlySet<string> } | { ok: false; reason: string };

/**
 * The production (main) dependencies a pyproject.toml declares, PEP 503 names: PEP 621
 * `[project] dependencies` and Poetry's `[tool.poetry.dependencies]` (without `python`). Poetry
 * groups, legacy `dev-dependencies` and PEP 621 optional-dependencies are not main, as Trivy reads it.
 */
export function readPyprojectDeps(text: string): PyprojectDeps {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (error) {
    return { ok: false, reason: `invalid TOML: ${(error as Error).message.split('\n')[0] ?? ''}` };
  }
  const parsed = checkSchema(pyproject, doc);
  if (!parsed.success) return { ok: false, reason: `unexpected pyproject.toml layout: ${parsed.error.issues[0]?.path.join('.') ?? ''}` };
  const main = new Set<string>();
  for (const req of parsed.data.project?.dependencies ?? []) {
    const name = requirementName(req);
    if (name !== undefined) main.add(pep503Name(name));
  }
  for (const name of Object.keys(parsed.data.tool?.poetry?.dependencies ?? {})) if (pep503Name(name) !== 'python') main.add(pep503Name(name));
  return { ok: true, main };
}

/** Names reachable from `roots` through `edges` (both PEP 503 names). */
export function reachableNames(roots: Iterable<string>, edges: ReadonlyMap<string, readonly string[]>): Set<string> {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const name = stack.pop() ?? '';
    if (seen.has(name)) continue;
    seen.add(name);
    stack.push(...(edges.get(name) ?? []));
  }
  return seen;
}

/**
 * The main dependencies of the pyproject.toml beside a lockfile, when the walk saw one; an
 * unparsable one is reported as an unknown (the lockfile is still read, without dev marking).
 */
export function mainDepsBeside(lockPath: string, companion: ((path: string) => Buffer | undefined) | undefined): { main?: ReadonlySet<string>; facts: Fact[] } {
  const at = posix.join(posix.dirname(lockPath), 'pyproject.toml');
  const content = companion?.(at);
  if (content === undefined) return { facts: [] };
  const deps = readPyprojectDeps(content.toString('utf8'));
  if (!deps.ok) return { facts: [{ kind: 'unknown', path: at, reason: `pyproject.toml: ${deps.reason} (dev dependencies of ${posix.basename(lockPath)} not told apart)` }] };
  return { main: deps.main, facts: [] };
}
