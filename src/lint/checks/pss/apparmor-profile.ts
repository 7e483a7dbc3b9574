import { KUBERNETES, defineCheck, describeContainer } from '../../check.js';
import type { Violation } from '../../check.js';

const ANNOTATION = 'container.apparmor.security.beta.kubernetes.io/';
const FIELD_TYPES = new Set(['RuntimeDefault', 'Localhost']);

export const check = defineCheck({
  id: 'pss/apparmor-profile',
  version: 1,
  scope: 'workload',
  sources: KUBERNETES,
  description: 'Overriding or disabling the default AppArmor profile must be restricted (Pod Security baseline).',
  title: 'AppArmor profile not allowed',
  severity: 'medium',
  pssLevel: 'baseline',
  since: 0,
  fixable: false,
  references: { cis: ['5.2'], pss: 'baseline: AppArmor', cwe: ['CWE-693'] },
  remediation: 'Use the runtime/default (RuntimeDefault) or a localhost/ AppArmor profile, never unconfined.',
  evaluate(workload, context) {
    const out: Violation[] = [];
    for (const annotation of workload.annotations) {
      const { key, value } = annotation.value;
      if (!key.startsWith(ANNOTATION)) continue;
      if (value !== '' && value !== 'runtime/default' && !value.startsWith('localhost/')) {
        out.push({ location: annotation.location, detail: `annotation ${key}=${value}` });
      }
    }
    // The securityContext.appArmorProfile field is checked from v1.30 on.
    if (context.pssVersion >= 30) {
      const settings = [{ who: 'pod', profile: workload.pod.appArmor }, ...workload.containers.map((c) => ({ who: describeContainer(c), profile: c.appArmor }))];
      for (const { who, profile } of settings) {
        if (profile !== undefined && !FIELD_TYPES.has(profile.value.type)) {
          out.push({ location: profile.location, detail: `${who} sets appArmorProfile.type ${profile.value.type}` });
        }
      }
    }
    return out;
  },
});
