import { defineCheck, describeContainer } from '../../check.js';

export const check = defineCheck({
  id: 'runtime/pids-limit',
  version: 1,
  scope: 'workload',
  sources: ['compose', 'docker-run', 'container'],
  description: 'Containers must have a process-count limit.',
  title: 'no pids limit',
  severity: 'low',
  fixable: true,
  references: { cis: ['5.29'], cwe: ['CWE-400'] },
  remediation: 'Set --pids-limit 256 (pids_limit / deploy.resources.limits.pids).',
  evaluate(workload) {
    return workload.containers
      .filter((c) => c.role !== 'ephemeral')
      .flatMap((c) => {
        const limit = c.resources.pidsLimit;
        const unlimited = limit === undefined || String(limit.value) === '0' || String(limit.value) === '-1';
        return unlimited ? [{ location: limit?.location ?? c.location, detail: `${describeContainer(c)} has no process-count limit` }] : [];
      });
  },
});
