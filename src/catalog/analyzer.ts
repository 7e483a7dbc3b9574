import type { Unit } from '../core/index.js';
import type { Fact } from './fact.js';
import type { SourceEntry } from './layer-source.js';

/** What an analyzer is given for one file it asked for. */
export interface AnalyzerInput {
  /** Absolute path inside the target. */
  readonly path: string;
  readonly content: Buffer;
  /**
   * For analyzers with `readsCompanions`: the content of another file of the same layer that this
   * analyzer's `required` also accepted (absolute path), or undefined when there is none.
   */
  readonly companion?: (path: string) => Buffer | undefined;
  /**
   * For analyzers with `readsCompanions`: the paths `companion` can read (this file's included), for
   * companions found by pattern rather than by name (Cargo workspace member globs, the POMs of a
   * Maven reactor).
   */
  readonly companionPaths?: () => readonly string[];
}

/**
 * One analyzer per file under `analyzers/` (file name = id). `required` decides from the path and
 * entry alone whether the content is needed; `analyze` turns the content into facts and reports
 * what it cannot parse as `unknown` facts instead of throwing. `version` feeds the layer-cache key.
 */
export interface Analyzer extends Unit {
  /**
   * True for analyzers of what a project declares (lockfiles) rather than what is installed:
   * images are cataloged by what is installed, project folders by both.
   */
  readonly declared?: boolean;
  /**
   * True when `analyze` reads other files beside the one analyzed (poetry.lock reads the
   * pyproject.toml next to it): every file `required` accepts in a layer is held until the layer's
   * walk is done, then each is analyzed with `input.companion` reading the others.
   */
  readonly readsCompanions?: boolean;
  required(path: string, entry: SourceEntry): boolean;
  analyze(input: AnalyzerInput): Fact[] | Promise<Fact[]>;
}

/** The public way to define an analyzer (built-ins use it too). */
export function defineAnalyzer<A extends Analyzer>(analyzer: A): A {
  return analyzer;
}

/** Records a parse failure as a fact: never dropped, never a clean result. */
export function unknownFact(path: string, reason: string): Fact {
  return { kind: 'unknown', path, reason };
}

/** The files a `readsCompanions` analyzer may read beside `input` (itself first), as inputs. */
export function companionFiles(input: AnalyzerInput): AnalyzerInput[] {
  const others = (input.companionPaths?.() ?? []).filter((p) => p !== input.path);
  return [input, ...others.flatMap((p) => {
    const content = input.companion?.(p);
    return content === undefined ? [] : [{ path: p, content }];
  })];
}
