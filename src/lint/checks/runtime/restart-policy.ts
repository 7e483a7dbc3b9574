import { defineCheck, describeContainer } from '../../check.js';

export const check = defineCheck({
  id: 'runtime/restart-policy',
  version: 1,
  scope: 'workload',
  sources: ['compose', 'docker-run', 'container'],
  description: 'An unbounded restart policy turns a crash loop into a denial of service; bound it with on-failure:N.',
  title: 'unbounded restart policy',
  severity: 'low',
  fixable: true,
  references: { cis: ['5.15'], cwe: ['CWE-400'] },
  remediation: 'Use --restart on-failure:5 (restart: on-failure with deploy.restart_policy.max_attempts).',
  evaluate(workload) {
    return workload.containers.flatMap((c) => {
      const policy = c.restartPolicy;
      if (policy === undefined || !/^(always|unless-stopped)$/.test(policy.value)) return [];
      return [{ location: policy.location, detail: `${describeContainer(c)} restarts ${policy.value}` }];
    });
  },
});
