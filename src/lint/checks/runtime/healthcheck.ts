import { defineCheck, describeContainer } from '../../check.js';

export const check = defineCheck({
  id: 'runtime/healthcheck',
  version: 1,
  scope: 'workload',
  sources: ['kubernetes', 'compose', 'docker-run', 'dockerfile', 'image'],
  description: 'Containers should declare a health check so failures are detected and restarted.',
  title: 'no health check',
  severity: 'low',
  fixable: false,
  references: { cis: ['4.6', '5.27'], cwe: ['CWE-703'] },
  remediation: 'Add HEALTHCHECK (Dockerfile), healthcheck: (compose), --health-cmd (docker run) or liveness/readiness probes (Kubernetes).',
  evaluate(workload) {
    return workload.containers
      .filter((c) => c.role === 'container')
      .flatMap((c) => {
        // docker run and compose inherit the image's HEALTHCHECK; only an explicit opt-out is known to lack one.
        if (workload.source === 'docker-run' || workload.source === 'compose') {
          return c.healthcheck?.value === false ? [{ location: c.healthcheck.location, detail: `${describeContainer(c)} disables the health check` }] : [];
        }
        return c.healthcheck?.value === true ? [] : [{ location: c.healthcheck?.location ?? c.location, detail: `${describeContainer(c)} declares no health check` }];
      });
  },
});
