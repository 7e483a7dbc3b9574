import { createRegistry } from '../core/index.js';
import type { Analyzer } from './analyzer.js';
import { apk } from './analyzers/apk.js';
import { dpkgFiles } from './analyzers/dpkg-files.js';
import { dpkgStatus } from './analyzers/dpkg-status.js';
import { osReleaseAnalyzer } from './analyzers/os-release.js';
import { rpm } from './analyzers/rpm.js';

/** Every built-in analyzer, explicitly listed (one file each under `catalog/analyzers/`). */
export const analyzers = createRegistry<Analyzer>('analyzer', [apk, dpkgFiles, dpkgStatus, osReleaseAnalyzer, rpm], {
  unitDir: 'catalog/analyzers',
});
