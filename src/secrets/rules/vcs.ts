import { defineSecretRule } from '../secret-rule.js';

// GitHub, GitLab and package-registry tokens.
export const vcsRules = [
  defineSecretRule({
    id: 'github-pat', version: 1, description: 'GitHub personal access token (classic, ghp_)', title: 'GitHub Personal Access Token',
    category: 'GitHub', severity: 'critical', keywords: ['ghp_'],
    // no right boundary: a token followed by more characters is still a leaked token
    pattern: /(?<secret>ghp_[0-9a-zA-Z]{36})/g,
  }),
  defineSecretRule({
    id: 'github-fine-grained-pat', version: 1, description: 'GitHub fine-grained personal access token (github_pat_)', title: 'GitHub Fine-grained personal access tokens',
    category: 'GitHub', severity: 'critical', keywords: ['github_pat_'],
    pattern: /(?<secret>github_pat_[0-9a-zA-Z_]{82})(?![0-9a-zA-Z_])/g,
  }),
  defineSecretRule({
    id: 'github-app-token', version: 1, description: 'GitHub App user/installation token (ghu_, ghs_, including the stateless JWT form)', title: 'GitHub App Token',
    category: 'GitHub', severity: 'critical', keywords: ['ghu_', 'ghs_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>gh[us]_(?:[0-9a-zA-Z]{36}|\d{1,20}_[A-Za-z0-9_-]{10,1000}\.[A-Za-z0-9_-]{10,2000}\.[A-Za-z0-9_-]{10,1000}))(?![0-9a-zA-Z])/g,
  }),
  defineSecretRule({
    id: 'github-oauth', version: 1, description: 'GitHub OAuth access token (gho_)', title: 'GitHub OAuth Access Token',
    category: 'GitHub', severity: 'critical', keywords: ['gho_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>gho_[0-9a-zA-Z]{36})(?![0-9a-zA-Z])/g,
  }),
  defineSecretRule({
    id: 'gitlab-pat', version: 1, description: 'GitLab personal access token (glpat-)', title: 'GitLab Personal Access Token',
    category: 'GitLab', severity: 'critical', keywords: ['glpat-'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>glpat-[0-9a-zA-Z_-]{20})(?![0-9a-zA-Z_-])/g,
  }),
  defineSecretRule({
    id: 'npm-access-token', version: 1, description: 'npm access token (npm_)', title: 'npm access token',
    category: 'npm', severity: 'critical', keywords: ['npm_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>npm_[0-9a-zA-Z]{36})(?![0-9a-zA-Z])/g,
  }),
  defineSecretRule({
    id: 'private-packagist-token', version: 1, description: 'Private Packagist organization/user token', title: 'Private Packagist token',
    category: 'Packagist', severity: 'high', keywords: ['packagist_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>packagist_[ou][ru]t_[a-fA-F0-9]{68})(?![a-fA-F0-9])/g,
  }),
  defineSecretRule({
    id: 'hugging-face-access-token', version: 1, description: 'Hugging Face access token (hf_)', title: 'Hugging Face Access Token',
    category: 'HuggingFace', severity: 'critical', keywords: ['hf_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>hf_[A-Za-z0-9]{34,40})(?![A-Za-z0-9])/g,
  }),
] as const;
