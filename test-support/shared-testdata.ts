import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The third-party test material under `../shared/testdata` (override with RAMPART_TESTDATA).
 * Returns its absolute path, or undefined when it is not there.
 */
export function sharedTestdataRoot(env: Readonly<Record<string, string | undefined>> = process.env): string | undefined {
  const candidate = env['RAMPART_TESTDATA'] ?? path.resolve(repoRoot, '..', 'shared', 'testdata');
  return existsSync(candidate) && statSync(candidate).isDirectory() ? candidate : undefined;
}

export type TestdataDecision =
  | { readonly kind: 'use'; readonly root: string }
  | { readonly kind: 'skip'; readonly reason: string }
  | { readonly kind: 'fail'; readonly reason: string };

/** Present → use in place; absent → skip with a reason, except under CI=true where absence fails. */
export function decideTestdata(env: Readonly<Record<string, string | undefined>> = process.env): TestdataDecision {
  const root = sharedTestdataRoot(env);
  if (root !== undefined) return { kind: 'use', root };
  const reason = `shared test data not found (looked for ${env['RAMPART_TESTDATA'] ?? path.resolve(repoRoot, '..', 'shared', 'testdata')})`;
  return env['CI'] === 'true' ? { kind: 'fail', reason } : { kind: 'skip', reason };
}

/** Resolves a path inside the shared test data; throws when the data is absent. */
export function testdataPath(...segments: string[]): string {
  const root = sharedTestdataRoot();
  if (root === undefined) throw new Error(decideTestdata().kind === 'fail' ? 'shared test data missing in CI' : 'shared test data missing');
  return path.join(root, ...segments);
}

/**
 * `describe` for suites that read the shared test data: runs them in place when present, skips with
 * a printed reason when absent, and fails the run under CI=true when absent.
 */
export function describeWithTestdata(name: string, body: (root: string) => void): void {
  const decision = decideTestdata();
  if (decision.kind === 'use') {
    describe(name, () => body(decision.root));
    return;
  }
  if (decision.kind === 'fail') throw new Error(`${name}: ${decision.reason} and CI=true`);
  console.warn(`skipping "${name}": ${decision.reason}`);
  describe.skip(name, () => undefined);
}
