// Public entry of the secrets domain: secret rules and the content scanner.
export { defaultAllowPaths, scanSecrets } from './scan-secrets.js';
export type { ScanSecretsOptions, SecretFinding } from './scan-secrets.js';
export { defineSecretRule, patternMatches } from './secret-rule.js';
export type { RuleAllow, SecretMatch, SecretMatcher, SecretRule } from './secret-rule.js';
export { compileSecretPattern, readSecretConfig } from './secret-config.js';
export type { SecretAllowRule, SecretConfig } from './secret-config.js';
export { secretRules } from './secret-rules.js';
