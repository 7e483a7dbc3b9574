import { createRegistry } from '../core/index.js';
import { reporter as json } from './json.js';
import { reporter as junit } from './junit.js';
import { reporter as markdown } from './markdown.js';
import type { Reporter } from './report-input.js';
import { reporter as sarif } from './sarif.js';
import { reporter as table } from './table.js';

/** The generic reporters (any engine's `Finding[]`); ids are `--format` values. */
export const reporterRegistry = createRegistry<Reporter>('reporter', [json, junit, markdown, sarif, table], { unitDir: 'report' });
