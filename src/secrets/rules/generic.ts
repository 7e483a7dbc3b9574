import { defineSecretRule } from '../secret-rule.js';

// Private keys, tokens of common services, and credentials in well-known config files.
export const genericRules = [
  defineSecretRule({
    id: 'private-key', version: 1, description: 'PEM/OpenSSH private key block', title: 'Asymmetric Private Key',
    category: 'AsymmetricPrivateKey', severity: 'high', keywords: ['private key'],
    pattern: /-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----(?:\s|\\n|\\r){0,8}(?<secret>(?:[A-Za-z0-9+/=:,\s\\]|-(?!-)){32,20000}?)(?:\s|\\n|\\r){0,8}-----END[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----/g,
  }),
  defineSecretRule({
    id: 'jwt-token', version: 1, description: 'JSON Web Token (header.payload.signature)', title: 'JWT token',
    category: 'JWT', severity: 'medium', keywords: ['eyj'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>ey[a-zA-Z0-9_-]{17,2000}\.ey[a-zA-Z0-9_-]{17,4000}\.[a-zA-Z0-9_-]{10,2000})(?![A-Za-z0-9_-])/g,
  }),
  defineSecretRule({
    id: 'grafana-api-token', version: 1, description: 'Grafana API key (eyJrIjoi…) and service account token (glsa_)', title: 'Grafana API token',
    category: 'Grafana', severity: 'medium', keywords: ['eyjrijoi', 'glsa_', 'glc_'],
    pattern: /(?<![A-Za-z0-9])(?<secret>eyJrIjoi[A-Za-z0-9]{70,400}={0,2}|glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|glc_[A-Za-z0-9+/]{32,400}={0,2})(?![A-Za-z0-9])/g,
  }),
  defineSecretRule({
    id: 'stripe-publishable-token', version: 1, description: 'Stripe publishable key (pk_live_/pk_test_)', title: 'Stripe Publishable Key',
    category: 'Stripe', severity: 'low', keywords: ['pk_live_', 'pk_test_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>pk_(?:test|live)_[0-9a-zA-Z]{10,99})(?![0-9a-zA-Z])/g,
  }),
  defineSecretRule({
    id: 'stripe-secret-token', version: 1, description: 'Stripe secret key (sk_live_/sk_test_)', title: 'Stripe Secret Key',
    category: 'Stripe', severity: 'critical', keywords: ['sk_live_', 'sk_test_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>sk_(?:test|live)_[0-9a-zA-Z]{10,99})(?![0-9a-zA-Z])/g,
  }),
  defineSecretRule({
    id: 'slack-access-token', version: 1, description: 'Slack bot/user/app token (xox…)', title: 'Slack token',
    category: 'Slack', severity: 'high', keywords: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxr-'],
    pattern: /(?<![A-Za-z0-9])(?<secret>xox[baprs]-[0-9]{10,13}-[0-9]{10,13}(?:-[0-9a-zA-Z]{24,34})?)(?![0-9a-zA-Z])/g,
  }),
  defineSecretRule({
    id: 'dockerconfig-secret', version: 1, description: 'Kubernetes secret data holding a Docker registry config', title: 'Dockerconfig secret exposed',
    category: 'Docker', severity: 'high', keywords: ['.dockerconfigjson', '.dockercfg'],
    pattern: /\.docker(?:configjson|cfg)['"]?\s{0,5}:\s{0,5}['"]?(?<secret>[A-Za-z0-9+/=]{8,100000})/g,
  }),
  defineSecretRule({
    id: 'symfony-default-secret', version: 1, description: 'Symfony framework default secret left in place', title: 'Symfony default secret',
    category: 'Symfony', severity: 'medium', keywords: ['thistokenisnotsosecretchangeit'],
    pattern: /(?<secret>ThisTokenIsNotSoSecretChangeIt)/g,
  }),
  defineSecretRule({
    id: 'maven-settings-password', version: 1, description: 'plain-text password in Maven settings.xml', title: 'Maven settings.xml password',
    category: 'Maven', severity: 'high', keywords: ['<password>'], path: /(?:^|\/)settings\.xml$/,
    pattern: /<password>\s{0,50}(?<secret>[^<\s{$][^<]{0,500}?)\s{0,50}<\/password>/g,
  }),
  defineSecretRule({
    id: 'maven-settings-passphrase', version: 1, description: 'plain-text passphrase in Maven settings.xml', title: 'Maven settings.xml passphrase',
    category: 'Maven', severity: 'high', keywords: ['<passphrase>'], path: /(?:^|\/)settings\.xml$/,
    pattern: /<passphrase>\s{0,50}(?<secret>[^<\s{$][^<]{0,500}?)\s{0,50}<\/passphrase>/g,
  }),
  defineSecretRule({
    id: 'maven-settings-security-master', version: 1, description: 'plain-text master password in Maven settings-security.xml', title: 'Maven settings-security.xml master password',
    category: 'Maven', severity: 'critical', keywords: ['<master>'], path: /(?:^|\/)settings-security\.xml$/,
    pattern: /<master>\s{0,50}(?<secret>[^<\s{$][^<]{0,500}?)\s{0,50}<\/master>/g,
  }),
] as const;
