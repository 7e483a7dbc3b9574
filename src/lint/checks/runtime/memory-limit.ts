import { defineCheck, describeContainer } from '../../check.js';

export const check = defineCheck({
  id: 'runtime/memory-limit',
  version: 1,
  scope: 'workload',
  sources: ['kubernetes', 'compose', 'docker-run', 'container'],
  description: 'Containers must have a memory limit.',
  title: 'no memory limit',
  severity: 'medium',
  fixable: true,
  references: { cis: ['5.11'], cwe: ['CWE-400'] },
  remediation: 'Set a memory limit: --memory 512m (mem_limit / deploy.resources.limits.memory; resources.limits.memory).',
  evaluate(workload) {
    return workload.containers
      .filter((c) => c.role !== 'ephemeral')
      .flatMap((c) => {
        const limit = c.resources.memoryLimit;
        const unlimited = limit === undefined || String(limit.value) === '0' || String(limit.value) === '-1';
        return unlimited ? [{ location: limit?.location ?? c.location, detail: `${describeContainer(c)} has no memory limit` }] : [];
      });
  },
});
