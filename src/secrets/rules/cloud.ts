import { defineSecretRule } from '../secret-rule.js';

// AWS, Azure, Alibaba and other cloud credentials.
export const cloudRules = [
  defineSecretRule({
    id: 'aws-access-key-id', version: 1, description: 'AWS access key id (AKIA…, ASIA…)', title: 'AWS Access Key ID',
    category: 'AWS', severity: 'critical', keywords: ['akia', 'agpa', 'aida', 'aroa', 'aipa', 'anpa', 'anva', 'asia', 'a3t'],
    pattern: /(?<![A-Za-z0-9])(?<secret>(?:A3T[A-Z0-9]|AKIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ASIA)[A-Z0-9]{16})(?![A-Za-z0-9])/g,
    allow: [/EXAMPLE/],
  }),
  defineSecretRule({
    id: 'aws-secret-access-key', version: 1, description: 'AWS secret access key next to an aws…key name', title: 'AWS Secret Access Key',
    category: 'AWS', severity: 'critical', keywords: ['aws'],
    pattern: /aws[_.-]?(?:sec(?:ret)?)?[_.-]?(?:access)?[_.-]?key['"]?\s{0,5}(?:[:=]|\s)\s{0,5}['"]?(?<secret>[A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/gi,
    allow: [/EXAMPLE/],
  }),
  defineSecretRule({
    id: 'alibaba-access-key-id', version: 1, description: 'Alibaba Cloud AccessKey ID (LTAI…)', title: 'Alibaba AccessKey ID',
    category: 'Alibaba', severity: 'high', keywords: ['ltai'],
    pattern: /(?<![A-Za-z0-9])(?<secret>LTAI[a-zA-Z0-9]{20})(?![A-Za-z0-9])/g,
  }),
  defineSecretRule({
    id: 'azure-storage-account-key', version: 1, description: 'Azure Storage account key in a connection string', title: 'Azure Storage Account Key',
    category: 'Azure', severity: 'critical', keywords: ['accountkey'],
    pattern: /AccountKey=(?<secret>[A-Za-z0-9+/]{86}==)/g,
  }),
  defineSecretRule({
    id: 'azure-sas-token', version: 1, description: 'Azure shared access signature (sv=…&sig=…)', title: 'Azure SAS Token',
    category: 'Azure', severity: 'high', keywords: ['sig='],
    pattern: /sv=\d{4}-\d{2}-\d{2}&[^\s"'<>]{0,500}?sig=(?<secret>[A-Za-z0-9%+/]{40,100}(?:=|%3D){0,2})/g,
  }),
  defineSecretRule({
    id: 'azure-devops-pat', version: 1, description: 'Azure DevOps personal access token (52 base32 characters)', title: 'Azure DevOps Personal Access Token',
    category: 'Azure', severity: 'critical', keywords: ['devops', 'ado_', 'ado-'],
    pattern: /(?:azure[_-]?devops|\bado)[_a-z]{0,20}['"]?\s{0,5}[:=]\s{0,5}['"]?(?<secret>[a-z2-7]{52})(?![a-z2-7])/gi,
  }),
  defineSecretRule({
    id: 'azure-entra-client-secret', version: 1, description: 'Microsoft Entra ID client secret (xxxdQ~…)', title: 'Azure Entra ID Client Secret',
    category: 'Azure', severity: 'critical', keywords: ['q~'],
    pattern: /(?<![A-Za-z0-9_~.-])(?<secret>[a-zA-Z0-9_~.]{3}\dQ~[a-zA-Z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-])/g,
  }),
  defineSecretRule({
    id: 'azure-container-registry-credential', version: 1, description: 'Azure Container Registry identifiable key (…JQQJ99…AZCR…)', title: 'Azure Container Registry Credential',
    category: 'Azure', severity: 'critical', keywords: ['jqqj99'],
    pattern: /(?<![A-Za-z0-9])(?<secret>[a-zA-Z0-9]{52}JQQJ99[a-zA-Z0-9]{18}AZCR[a-zA-Z0-9]{4})(?![A-Za-z0-9])/g,
  }),
  defineSecretRule({
    id: 'azure-ai-services-key', version: 1, description: 'Azure AI services identifiable key (…JQQJ99…ACOG…)', title: 'Azure AI Services Key',
    category: 'Azure', severity: 'critical', keywords: ['jqqj99'],
    pattern: /(?<![A-Za-z0-9])(?<secret>[a-zA-Z0-9]{52}JQQJ99[a-zA-Z0-9]{18}ACOG[a-zA-Z0-9]{4})(?![A-Za-z0-9])/g,
  }),
  defineSecretRule({
    id: 'azure-container-registry-password', version: 1, description: 'password next to an *.azurecr.io registry', title: 'Azure Container Registry Password',
    category: 'Azure', severity: 'critical', keywords: ['azurecr.io'],
    pattern: /\.azurecr\.io\b[^\n]{0,60}?password['"]?\s{0,5}[:=]\s{0,5}['"]?(?<secret>[A-Za-z0-9/+=]{32,88})(?![A-Za-z0-9/+=])/gi,
  }),
  defineSecretRule({
    id: 'azure-app-config-connection-string', version: 1, description: 'Azure App Configuration connection string secret', title: 'Azure App Configuration Connection String',
    category: 'Azure', severity: 'critical', keywords: ['azconfig.io'],
    pattern: /Endpoint=https:\/\/[A-Za-z0-9.-]{1,100}\.azconfig\.io;Id=[^;\s]{1,100};Secret=(?<secret>[A-Za-z0-9+/=]{36,100})/g,
  }),
  defineSecretRule({
    id: 'gcp-api-key', version: 1, description: 'Google API key (AIza…)', title: 'Google API Key',
    category: 'Google', severity: 'high', keywords: ['aiza'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>AIza[0-9A-Za-z_-]{35})(?![A-Za-z0-9_-])/g,
  }),
] as const;
