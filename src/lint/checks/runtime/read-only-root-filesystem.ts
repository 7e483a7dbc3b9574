import { defineCheck, describeContainer } from '../../check.js';

export const check = defineCheck({
  id: 'runtime/read-only-root-filesystem',
  version: 1,
  scope: 'workload',
  sources: ['kubernetes', 'compose', 'docker-run', 'container'],
  description: "The container's root filesystem must be mounted read-only.",
  title: 'writable root filesystem',
  severity: 'medium',
  fixable: true,
  references: { cis: ['5.13'], cwe: ['CWE-732'] },
  remediation: 'Add --read-only (read_only: true; readOnlyRootFilesystem: true) and mount a tmpfs/emptyDir where the process writes.',
  evaluate(workload) {
    return workload.containers
      .filter((c) => c.role !== 'ephemeral')
      .flatMap((c) =>
        c.readOnlyRootFilesystem?.value === true
          ? []
          : [{ location: c.readOnlyRootFilesystem?.location ?? c.location, detail: `${describeContainer(c)} has a writable root filesystem` }],
      );
  },
});
