import type { Unit } from '../core/index.js';
import type { Fact } from './fact.js';
import type { SourceEntry } from './layer-source.js';

/** What an analyzer is given for one file it asked for. */
export interface AnalyzerInput {
  /** Absolute path inside the target. */
  readonly path: string;
  readonly content: Buffer;
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
  required(path: string, entry: SourceEntry): boolean;
  analyze(input: AnalyzerInput): Fact[] | Promise<Fact[]>;
  /**
   * For analyzers whose answer for one file depends on files beside it (go.mod and its go.sum,
   * Cargo.lock and its Cargo.toml, a pom.xml and the parent POM its `relativePath` names), as
   * Trivy's post-analyzers: when present, the walk hands it every file it asked for in a layer at
   * once, after that layer, instead of calling `analyze` per file. Facts name the file they belong to.
   */
  analyzeGroup?(inputs: readonly AnalyzerInput[]): Fact[] | Promise<Fact[]>;
}

/** The public way to define an analyzer (built-ins use it too). */
export function defineAnalyzer<A extends Analyzer>(analyzer: A): A {
  return analyzer;
}

/** Records a parse failure as a fact: never dropped, never a clean result. */
export function unknownFact(path: string, reason: string): Fact {
  return { kind: 'unknown', path, reason };
}
