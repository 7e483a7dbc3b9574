import type { Finding } from '../../core/index.js';
import { checkRegistry } from '../check-registry.js';
import { lintInput } from '../lint-engine.js';
import type { LintInput } from '../model.js';
import { findProfile } from '../profiles.js';
import { readCompose } from '../readers/compose.js';
import { readDockerfile } from '../readers/dockerfile.js';
import { readKubernetes } from '../readers/kubernetes.js';

/** Lints an in-memory config (as conformance suites hand them over) with the default profile. */
export function lintText(kind: 'dockerfile' | 'kubernetes' | 'compose', text: string, file = `case.${kind}`): Finding[] {
  let input: LintInput;
  if (kind === 'kubernetes') {
    const read = readKubernetes(text, file);
    input = { target: file, workloads: read.workloads, meshPolicies: read.meshPolicies, inlineExceptions: [] };
  } else if (kind === 'compose') {
    input = { target: file, workloads: readCompose(text, file), meshPolicies: [], inlineExceptions: [] };
  } else {
    input = { target: file, workloads: [readDockerfile(text, file)], meshPolicies: [], inlineExceptions: [] };
  }
  return lintInput(input, { registry: checkRegistry, profile: findProfile('rampart'), context: { pssVersion: Number.POSITIVE_INFINITY }, today: '2026-01-01' }).findings;
}
