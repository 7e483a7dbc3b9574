import { RUNTIME_SOURCES, defineCheck, describeContainer } from '../../check.js';

/** Capabilities outside Docker's default set that amount to host control or broad kernel access. */
const DANGEROUS = new Set(['ALL', 'SYS_ADMIN', 'SYS_MODULE', 'SYS_PTRACE', 'SYS_RAWIO', 'SYS_BOOT', 'SYS_TIME', 'NET_ADMIN', 'NET_RAW', 'DAC_READ_SEARCH', 'BPF', 'PERFMON', 'MAC_ADMIN', 'MAC_OVERRIDE', 'SYSLOG', 'LINUX_IMMUTABLE', 'SYS_RESOURCE', 'CHECKPOINT_RESTORE']);

export const check = defineCheck({
  id: 'runtime/dangerous-capabilities',
  version: 1,
  scope: 'workload',
  sources: RUNTIME_SOURCES,
  description: 'Containers must not add capabilities that give host-level control.',
  title: 'dangerous capability added',
  severity: 'high',
  fixable: true,
  references: { cis: ['5.4'], pss: 'baseline: Capabilities', cwe: ['CWE-250'] },
  remediation: 'Remove the capability from --cap-add (cap_add).',
  evaluate(workload) {
    return workload.containers.flatMap((c) =>
      c.capAdd.filter((cap) => DANGEROUS.has(cap.value)).map((cap) => ({ location: cap.location, detail: `${describeContainer(c)} adds ${cap.value}` })),
    );
  },
});
