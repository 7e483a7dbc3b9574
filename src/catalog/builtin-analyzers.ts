import { createRegistry } from '../core/index.js';
import type { Analyzer } from './analyzer.js';
import { apk } from './analyzers/apk.js';
import { bunLockfile } from './analyzers/bun-lockfile.js';
import { cargoLock } from './analyzers/cargo-lock.js';
import { composerInstalled } from './analyzers/composer-installed.js';
import { composerLock } from './analyzers/composer-lock.js';
import { dotnetDeps } from './analyzers/dotnet-deps.js';
import { dpkgFiles } from './analyzers/dpkg-files.js';
import { dpkgStatus } from './analyzers/dpkg-status.js';
import { gemfileLock } from './analyzers/gemfile-lock.js';
import { goBinary } from './analyzers/go-binary.js';
import { goMod } from './analyzers/go-mod.js';
import { gradleLockfile } from './analyzers/gradle-lockfile.js';
import { javaArchive } from './analyzers/java-archive.js';
import { mavenPom } from './analyzers/maven-pom.js';
import { nodePackage } from './analyzers/node-package.js';
import { npmLockfile } from './analyzers/npm-lockfile.js';
import { nugetConfig } from './analyzers/nuget-config.js';
import { nugetLock } from './analyzers/nuget-lock.js';
import { nugetPackageReference } from './analyzers/nuget-package-reference.js';
import { osReleaseAnalyzer } from './analyzers/os-release.js';
import { pipRequirements } from './analyzers/pip-requirements.js';
import { pipenvLock } from './analyzers/pipenv-lock.js';
import { pnpmLockfile } from './analyzers/pnpm-lockfile.js';
import { poetryLock } from './analyzers/poetry-lock.js';
import { pylock } from './analyzers/pylock.js';
import { pythonDist } from './analyzers/python-dist.js';
import { rpm } from './analyzers/rpm.js';
import { rubyGemspec } from './analyzers/ruby-gemspec.js';
import { rustBinary } from './analyzers/rust-binary.js';
import { sbtLockfile } from './analyzers/sbt-lockfile.js';
import { uvLock } from './analyzers/uv-lock.js';
import { yarnLockfile } from './analyzers/yarn-lockfile.js';

/** Every built-in analyzer, explicitly listed (one file each under `catalog/analyzers/`). */
export const analyzers = createRegistry<Analyzer>('analyzer', [
  apk,
  bunLockfile,
  cargoLock,
  composerInstalled,
  composerLock,
  dotnetDeps,
  dpkgFiles,
  dpkgStatus,
  gemfileLock,
  goBinary,
  goMod,
  gradleLockfile,
  javaArchive,
  mavenPom,
  nodePackage,
  npmLockfile,
  nugetConfig,
  nugetLock,
  nugetPackageReference,
  osReleaseAnalyzer,
  pipRequirements,
  pipenvLock,
  pnpmLockfile,
  poetryLock,
  pylock,
  pythonDist,
  rpm,
  rubyGemspec,
  rustBinary,
  sbtLockfile,
  uvLock,
  yarnLockfile,
], {
  unitDir: 'catalog/analyzers',
});
