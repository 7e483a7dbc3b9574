import { BUILD_SOURCES, defineCheck } from '../../check.js';
import { allInstructions, runText } from '../../dockerfile-instructions.js';

/** sudo in command position (start of a command, after &&, ||, ;, |, ( or a backtick), not as a package name. */
const SUDO_COMMAND = /(^|&&|\|\||;|\||\(|`|\n)\s*sudo(\s|$)/;

export const check = defineCheck({
  id: 'dockerfile/no-sudo',
  version: 1,
  scope: 'workload',
  sources: BUILD_SOURCES,
  description: 'sudo in a build is a sign of a root-to-user dance; it also leaves sudo in the image.',
  title: 'sudo used',
  severity: 'medium',
  fixable: false,
  references: { cis: ['4.1'], cwe: ['CWE-250'] },
  remediation: 'Run the privileged steps before USER (as root) and drop sudo from the image.',
  evaluate(workload) {
    return allInstructions(workload)
      .filter((i) => i.keyword === 'RUN' && SUDO_COMMAND.test(runText(i)))
      .map((i) => ({ location: i.location, detail: 'RUN uses sudo' }));
  },
});
