import { createRegistry } from '../core/index.js';
import { cloudRules } from './rules/cloud.js';
import { genericRules } from './rules/generic.js';
import { vcsRules } from './rules/vcs.js';
import type { SecretRule } from './secret-rule.js';

/**
 * Every built-in secret rule. Rules are small data records grouped by provider family in
 * `rules/{cloud,vcs,generic}.ts` rather than one file each (a deliberate exception: a rule is a
 * regex and a few words, and ids stay unique and sorted through this registry).
 */
export const secretRules = createRegistry<SecretRule>('secret rule', [...cloudRules, ...vcsRules, ...genericRules]);
