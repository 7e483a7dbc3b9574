// Public entry of the secrets domain: secret rules and the content scanner.
export { defaultAllowPaths, scanSecrets } from './scan-secrets.js';
export type { ScanSecretsOptions, SecretFinding } from './scan-secrets.js';
export { defineSecretRule } from './secret-rule.js';
export type { SecretRule } from './secret-rule.js';
export { secretRules } from './secret-rules.js';
