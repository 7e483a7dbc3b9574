import { defineCheck, describeContainer } from '../../check.js';

export const check = defineCheck({
  id: 'runtime/cpu-limit',
  version: 1,
  scope: 'workload',
  sources: ['kubernetes', 'compose', 'docker-run', 'container'],
  description: 'Containers must have a CPU limit.',
  title: 'no CPU limit',
  severity: 'medium',
  fixable: true,
  references: { cis: ['5.12'], cwe: ['CWE-400'] },
  remediation: 'Set a CPU limit: --cpus 1 (cpus / deploy.resources.limits.cpus; resources.limits.cpu).',
  evaluate(workload) {
    return workload.containers
      .filter((c) => c.role !== 'ephemeral')
      .flatMap((c) => {
        const limit = c.resources.cpuLimit;
        const unlimited = limit === undefined || String(limit.value) === '0' || String(limit.value) === '-1';
        return unlimited ? [{ location: limit?.location ?? c.location, detail: `${describeContainer(c)} has no CPU limit` }] : [];
      });
  },
});
