import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../core/index.js';

/** The package version, read from Rampart's package.json (from src/, dist/ or the bundled CLI). */
export function packageVersion(): string {
  const parsed: unknown = JSON.parse(readFileSync(path.join(packageRoot(import.meta.url), 'package.json'), 'utf8'));
  if (typeof parsed === 'object' && parsed !== null && 'version' in parsed && typeof parsed.version === 'string') {
    return parsed.version;
  }
  return '0.0.0';
}
