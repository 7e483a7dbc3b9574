import { RUNTIME_SOURCES, defineCheck, describeContainer } from '../../check.js';

export const check = defineCheck({
  id: 'runtime/host-devices',
  version: 1,
  scope: 'workload',
  sources: RUNTIME_SOURCES,
  description: 'Host devices should not be exposed to containers.',
  title: 'host device exposed',
  severity: 'medium',
  fixable: false,
  references: { cis: ['5.18'], cwe: ['CWE-668'] },
  remediation: 'Remove --device (devices:) unless the workload truly needs the device; never expose disks or /dev/mem.',
  evaluate(workload) {
    return workload.containers.flatMap((c) => c.devices.map((d) => ({ location: d.location, detail: `${describeContainer(c)} gets device ${d.value}` })));
  },
});
