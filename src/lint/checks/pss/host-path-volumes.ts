import { KUBERNETES, defineCheck } from '../../check.js';

export const check = defineCheck({
  id: 'pss/host-path-volumes',
  version: 1,
  scope: 'workload',
  sources: KUBERNETES,
  description: 'HostPath volumes must be forbidden (Pod Security baseline).',
  title: 'hostPath volume',
  severity: 'high',
  pssLevel: 'baseline',
  since: 0,
  fixable: false,
  references: { cis: ['5.6'], pss: 'baseline: HostPath Volumes', cwe: ['CWE-668'] },
  remediation: 'Replace hostPath volumes with emptyDir, configMap, secret or persistentVolumeClaim volumes.',
  evaluate(workload) {
    return workload.volumes.flatMap((v) =>
      v.value.type === 'hostPath' ? [{ location: v.location, detail: `volume ${v.value.name} mounts host path ${v.value.hostPath ?? '?'}` }] : [],
    );
  },
});
