import { defineCheck } from '../../check.js';
import type { Violation } from '../../check.js';

export const check = defineCheck({
  id: 'mesh/mtls-strict',
  version: 1,
  scope: 'mesh',
  description: 'Mesh traffic must require mutual TLS (Istio PeerAuthentication mode STRICT).',
  title: 'mTLS not STRICT',
  severity: 'medium',
  fixable: true,
  references: { cwe: ['CWE-319'] },
  remediation: 'Set spec.mtls.mode: STRICT (and portLevelMtls modes to STRICT).',
  evaluate(policy) {
    const out: Violation[] = [];
    const where = `PeerAuthentication ${policy.namespace === undefined ? '' : `${policy.namespace}/`}${policy.name}`;
    // UNSET inherits from the parent policy; only an explicit weaker mode is reported.
    if (policy.mode !== undefined && policy.mode.value !== 'STRICT' && policy.mode.value !== 'UNSET') {
      out.push({ location: policy.mode.location, detail: `${where} sets mode ${policy.mode.value}` });
    }
    for (const port of policy.portModes) {
      if (port.value.mode !== 'STRICT' && port.value.mode !== 'UNSET') out.push({ location: port.location, detail: `${where} port ${port.value.port} sets mode ${port.value.mode}` });
    }
    return out;
  },
});
