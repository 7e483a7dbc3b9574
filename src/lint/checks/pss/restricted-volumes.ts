import { KUBERNETES, defineCheck } from '../../check.js';

const ALLOWED = new Set(['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret', 'unknown']);

export const check = defineCheck({
  id: 'pss/restricted-volumes',
  version: 1,
  scope: 'workload',
  sources: KUBERNETES,
  description: 'Only configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected and secret volumes are allowed (Pod Security restricted).',
  title: 'volume type not allowed',
  severity: 'medium',
  pssLevel: 'restricted',
  since: 0,
  fixable: false,
  references: { pss: 'restricted: Volume Types', cwe: ['CWE-668'] },
  remediation: 'Use a persistentVolumeClaim (or csi/ephemeral) volume instead of a direct volume source.',
  evaluate(workload) {
    // `unknown` is a volume naming no source, which the API server defaults to emptyDir.
    return workload.volumes
      .filter((v) => !ALLOWED.has(v.value.type))
      .map((v) => ({ location: v.location, detail: `volume ${v.value.name} is of type ${v.value.type}` }));
  },
});
