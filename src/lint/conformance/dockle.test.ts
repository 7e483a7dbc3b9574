import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithTestdata } from '../../../test-support/shared-testdata.js';
import { checkRegistry } from '../check-registry.js';
import { lintInput } from '../lint-engine.js';
import { findProfile } from '../profiles.js';
import { readImageConfig } from '../readers/image-config.js';

/** Dockle checkpoints about security → the Rampart check that decides the same question. */
const MAPPING: Readonly<Record<string, string>> = {
  'CIS-DI-0001': 'runtime/non-root-user',
  'CIS-DI-0006': 'runtime/healthcheck',
  'CIS-DI-0009': 'dockerfile/add-instead-of-copy',
  'CIS-DI-0010': 'dockerfile/secrets-in-env',
};
/** Not compared: DKL-DI-0004 (apk --no-cache) and DKL-DI-0005 (apt cache) are image size, not security. */
const DIFFERENCES: Readonly<Record<string, string>> = {};

describeWithTestdata('dockle manifest assessor (image config JSON)', (root) => {
  it('finds the security checkpoints dockle expects in each image config, as often', () => {
    const base = path.join(root, 'k8s-config', 'dockle');
    const expected = (JSON.parse(readFileSync(path.join(base, 'dockle-expected.json'), 'utf8')) as { expected_manifest_assessments: Record<string, string[]> })
      .expected_manifest_assessments;
    let same = 0;
    let total = 0;
    const differences: string[] = [];
    for (const [file, codes] of Object.entries(expected)) {
      const workload = readImageConfig(readFileSync(path.join(base, file), 'utf8'), file);
      const findings = lintInput(
        { target: file, workloads: [workload], meshPolicies: [], inlineExceptions: [] },
        { registry: checkRegistry, profile: findProfile('rampart'), context: { pssVersion: Number.POSITIVE_INFINITY }, today: '2026-01-01' },
      ).findings;
      for (const [code, checkId] of Object.entries(MAPPING)) {
        total++;
        const want = codes.filter((c) => c === code).length;
        const got = findings.filter((f) => f.id === checkId).length;
        if (want === got) same++;
        else differences.push(`${path.basename(file)}|${code} (dockle ${want}, rampart ${got})`);
      }
    }
    console.log(`dockle: ${same}/${total} (image config x security checkpoint) cases decided the same way, with the same count`);
    expect(differences).toEqual(Object.keys(DIFFERENCES));
  });
});
