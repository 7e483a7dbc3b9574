export { hardenDockerRunArgv, shellJoin } from './docker-run-fix.js';
export type { ArgvFix } from './docker-run-fix.js';
export { fixComposeText } from './compose-fix.js';
export { fixDockerfileText } from './dockerfile-fix.js';
export { fixKubernetesText } from './kubernetes-fix.js';
export { fixFile, fixText, unifiedDiff } from './fix-target.js';
export type { FileFix } from './fix-target.js';
export { hardeningDefaults } from './hardening-defaults.js';
