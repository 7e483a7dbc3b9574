import { KUBERNETES, defineCheck } from '../../check.js';

const SAFE_1_0 = ['kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range', 'net.ipv4.ip_unprivileged_port_start'];
const SAFE_1_27 = [...SAFE_1_0, 'net.ipv4.ip_local_reserved_ports'];
const SAFE_1_29 = [...SAFE_1_27, 'net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes'];
const SAFE_1_32 = [...SAFE_1_29, 'net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem'];
const SAFE_1_37 = [...SAFE_1_32, 'net.ipv4.tcp_slow_start_after_idle', 'net.ipv4.tcp_notsent_lowat'];

function safeSysctls(version: number): ReadonlySet<string> {
  if (version >= 37) return new Set(SAFE_1_37);
  if (version >= 32) return new Set(SAFE_1_32);
  if (version >= 29) return new Set(SAFE_1_29);
  if (version >= 27) return new Set(SAFE_1_27);
  return new Set(SAFE_1_0);
}

export const check = defineCheck({
  id: 'pss/sysctls',
  version: 1,
  scope: 'workload',
  sources: KUBERNETES,
  description: 'Sysctls outside the safe subset must be disallowed (Pod Security baseline).',
  title: 'unsafe sysctl',
  severity: 'medium',
  pssLevel: 'baseline',
  since: 0,
  fixable: false,
  references: { pss: 'baseline: Sysctls', cwe: ['CWE-668'] },
  remediation: 'Remove the sysctl, or set it on the node instead of in the pod.',
  evaluate(workload, context) {
    const safe = safeSysctls(context.pssVersion);
    return workload.sysctls.filter((s) => !safe.has(s.value.name)).map((s) => ({ location: s.location, detail: `sysctl ${s.value.name}` }));
  },
});
