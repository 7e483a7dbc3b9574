import { KUBERNETES, defineCheck, describeContainer } from '../../check.js';
import type { Violation } from '../../check.js';
import type { Located, SeLinuxOptions } from '../../model.js';

const TYPES = ['', 'container_t', 'container_init_t', 'container_kvm_t'];
const TYPES_1_31 = [...TYPES, 'container_engine_t'];

export const check = defineCheck({
  id: 'pss/selinux-options',
  version: 1,
  scope: 'workload',
  sources: KUBERNETES,
  description: 'Setting a custom SELinux user or role, or an unusual type, must be forbidden (Pod Security baseline).',
  title: 'SELinux options not allowed',
  severity: 'medium',
  pssLevel: 'baseline',
  since: 0,
  fixable: false,
  references: { pss: 'baseline: SELinux', cwe: ['CWE-693'] },
  remediation: 'Leave seLinuxOptions.user and role unset and use type container_t, container_init_t or container_kvm_t.',
  evaluate(workload, context) {
    const allowed = new Set(context.pssVersion >= 31 ? TYPES_1_31 : TYPES);
    const out: Violation[] = [];
    const inspect = (who: string, options: Located<SeLinuxOptions> | undefined): void => {
      if (options === undefined) return;
      const { type, user, role } = options.value;
      if (type !== undefined && !allowed.has(type)) out.push({ location: options.location, detail: `${who} sets seLinuxOptions.type ${type}` });
      if (user !== undefined && user !== '') out.push({ location: options.location, detail: `${who} sets seLinuxOptions.user ${user}` });
      if (role !== undefined && role !== '') out.push({ location: options.location, detail: `${who} sets seLinuxOptions.role ${role}` });
    };
    inspect('pod', workload.pod.seLinux);
    for (const c of workload.containers) inspect(describeContainer(c), c.seLinux);
    return out;
  },
});
