import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithTestdata } from '../../../test-support/shared-testdata.js';
import { lintText } from './run-text.js';

interface HadolintCase {
  readonly describe: string;
  readonly it: string;
  readonly assertions: readonly { readonly fn: string; readonly rule?: string }[];
  readonly dockerfile: string;
  readonly config_override: boolean;
}

/** hadolint rules about security → the Rampart check that decides the same question. */
const MAPPING: Readonly<Record<string, string>> = {
  DL3002: 'runtime/non-root-user',
  DL3004: 'dockerfile/no-sudo',
  DL3006: 'runtime/image-digest-pinned',
  DL3007: 'runtime/image-digest-pinned',
  DL3020: 'dockerfile/add-instead-of-copy',
};
/**
 * Not compared: every other DL rule is build hygiene, style or package-version pinning
 * (reproducibility; vulnerable versions are `rampart scan`'s job); ShellCheck assertions are shell
 * style; `onBuild*` assertions test ONBUILD triggers, which run in downstream builds (Rampart lints
 * the Dockerfile being built); config_override cases need a non-default hadolint config.
 */
const COMPARED_ASSERTIONS = new Set(['ruleCatches', 'ruleCatchesNot']);

/** Cases where Rampart decides differently (key: rule|it), with the reason. */
const DIFFERENCES: Readonly<Record<string, string>> = {
  'DL3002|does not warn when switching in multiple stages':
    'the final stage (FROM scratch) sets no USER: Rampart reports that the image runs as root by default; hadolint only reports an explicit USER root',
  'DL3002|warns on multiple stages': 'USER root in a builder stage does not reach the final image; Rampart judges the final stage only',
  'DL3006|untagged digest is not an error': 'FROM ruby:2 is a mutable tag: Rampart asks for digest pinning (low), stricter than "tagged"',
  'DL3006|local aliases are OK to be untagged': 'golang:1.9.3-alpine3.7 and alpine:3.7 are mutable tags: Rampart asks for digest pinning',
  'DL3007|explicit tagged': 'debian:jessie is a mutable tag: Rampart asks for digest pinning',
  'DL3007|explicit tagged with name': 'debian:jessie is a mutable tag: Rampart asks for digest pinning',
  'DL3020|add for url': 'ADD of a URL without --checksum downloads unverified content: Rampart reports it (hadolint DL3020 only covers local files)',
  'DL3020|add for url with quotes': 'ADD of a URL without --checksum downloads unverified content: Rampart reports it (hadolint DL3020 only covers local files)',
};

describeWithTestdata('hadolint rule specs (security rules)', (root) => {
  it('decides the security cases as hadolint does, or documents why not', () => {
    const data = JSON.parse(readFileSync(path.join(root, 'k8s-config', 'hadolint', 'hadolint-rule-cases.json'), 'utf8')) as { cases: HadolintCase[] };
    let same = 0;
    let total = 0;
    const differences: string[] = [];
    for (const c of data.cases) {
      if (c.config_override) continue;
      for (const assertion of c.assertions) {
        const checkId = assertion.rule === undefined ? undefined : MAPPING[assertion.rule];
        if (checkId === undefined || !COMPARED_ASSERTIONS.has(assertion.fn)) continue;
        total++;
        // hadolint specs often omit FROM; Rampart needs one to know the stage, so scratch stands in.
        const text = /^\s*FROM\s/im.test(c.dockerfile) ? c.dockerfile : `FROM scratch\n${c.dockerfile}`;
        const fired = lintText('dockerfile', text).some((f) => f.id === checkId);
        if (fired === (assertion.fn === 'ruleCatches')) same++;
        else differences.push(`${assertion.rule ?? ''}|${c.it}`);
      }
    }
    console.log(`hadolint: ${same}/${total} security cases decided the same way`);
    expect(differences.sort()).toEqual(Object.keys(DIFFERENCES).sort());
  });
});
