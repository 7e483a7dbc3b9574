import { KUBERNETES, defineCheck } from '../../check.js';

export const check = defineCheck({
  id: 'runtime/service-account-token',
  version: 1,
  scope: 'workload',
  sources: KUBERNETES,
  description: 'Pods should not mount a service account token unless they call the Kubernetes API.',
  title: 'service account token mounted',
  severity: 'low',
  fixable: true,
  references: { cwe: ['CWE-522'] },
  remediation: 'Set automountServiceAccountToken: false in the pod spec (or on the ServiceAccount).',
  evaluate(workload) {
    const value = workload.automountServiceAccountToken;
    if (value?.value === false) return [];
    return [{ location: value?.location ?? workload.location, detail: `${workload.kind}/${workload.name} mounts the service account token` }];
  },
});
