import { createRegistry } from '../core/index.js';
import type { Analyzer } from './analyzer.js';
import { apk } from './analyzers/apk.js';
import { composerInstalled } from './analyzers/composer-installed.js';
import { dotnetDeps } from './analyzers/dotnet-deps.js';
import { dpkgFiles } from './analyzers/dpkg-files.js';
import { dpkgStatus } from './analyzers/dpkg-status.js';
import { goBinary } from './analyzers/go-binary.js';
import { javaArchive } from './analyzers/java-archive.js';
import { nodePackage } from './analyzers/node-package.js';
import { npmLockfile } from './analyzers/npm-lockfile.js';
import { osReleaseAnalyzer } from './analyzers/os-release.js';
import { pnpmLockfile } from './analyzers/pnpm-lockfile.js';
import { pythonDist } from './analyzers/python-dist.js';
import { rpm } from './analyzers/rpm.js';
import { rubyGemspec } from './analyzers/ruby-gemspec.js';
import { rustBinary } from './analyzers/rust-binary.js';
import { yarnLockfile } from './analyzers/yarn-lockfile.js';

/** Every built-in analyzer, explicitly listed (one file each under `catalog/analyzers/`). */
export const analyzers = createRegistry<Analyzer>('analyzer', [
  apk,
  composerInstalled,
  dotnetDeps,
  dpkgFiles,
  dpkgStatus,
  goBinary,
  javaArchive,
  nodePackage,
  npmLockfile,
  osReleaseAnalyzer,
  pnpmLockfile,
  pythonDist,
  rpm,
  rubyGemspec,
  rustBinary,
  yarnLockfile,
], {
  unitDir: 'catalog/analyzers',
});
