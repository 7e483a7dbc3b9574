/** One `require` line of a go.mod file. */
export interface GoRequire {
  readonly path: string;
  readonly version: string;
  /** Marked `// indirect`. */
  readonly indirect: boolean;
}

/** One `replace` directive: `old [version] => new [version]` (no new version: a local directory). */
export interface GoReplace {
  readonly oldPath: string;
  readonly oldVersion?: string;
  readonly newPath: string;
  readonly newVersion?: string;
}

export interface GoModFile {
  readonly module?: string;
  /** The `go` directive (`1.17`, `1.21.0`). */
  readonly go?: string;
  readonly toolchain?: string;
  readonly requires: readonly GoRequire[];
  readonly replaces: readonly GoReplace[];
}

export type GoModResult = { ok: true; mod: GoModFile } | { ok: false; reason: string };

/** Splits a go.mod line into tokens (bare words, "interpreted" and `raw` strings) and its comment. */
function tokenize(line: string): { tokens: string[]; comment: string } | { error: string } {
  const tokens: string[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i] ?? '';
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
    } else if (line.startsWith('//', i)) {
      return { tokens, comment: line.slice(i + 2).trim() };
    } else if (c === '"' || c === '`') {
      let j = i + 1;
      let text = '';
      while (j < line.length && line[j] !== c) {
        if (c === '"' && line[j] === '\\' && j + 1 < line.length) j++;
        text += line[j] ?? '';
        j++;
      }
      if (j >= line.length) return { error: 'unterminated quoted string' };
      tokens.push(text);
      i = j + 1;
    } else {
      let j = i;
      while (j < line.length && !/[\s"`]/.test(line[j] ?? '') && !line.startsWith('//', j)) j++;
      tokens.push(line.slice(i, j));
      i = j;
    }
  }
  return { tokens, comment: '' };
}

/** golang.org/x/mod's rule: the comment is `indirect` or starts with `indirect;`. */
function isIndirect(comment: string): boolean {
  return comment === 'indirect' || comment.startsWith('indirect;');
}

/**
 * Parses a go.mod file (the directives dependency scanning needs: module, go, toolchain, require,
 * replace; the others are read past). Blocks `verb ( ... )` and one-line forms are both accepted.
 */
export function parseGoMod(text: string): GoModResult {
  let module: string | undefined;
  let go: string | undefined;
  let toolchain: string | undefined;
  const requires: GoRequire[] = [];
  const replaces: GoReplace[] = [];
  let block: string | undefined;
  const lines = text.split('\n');
  for (const [index, raw] of lines.entries()) {
    const at = `line ${index + 1}`;
    const lexed = tokenize(raw);
    if ('error' in lexed) return { ok: false, reason: `${at}: ${lexed.error}` };
    let tokens = lexed.tokens;
    if (tokens.length === 0) continue;
    if (block !== undefined) {
      if (tokens.length === 1 && tokens[0] === ')') {
        block = undefined;
        continue;
      }
      tokens = [block, ...tokens];
    } else if (tokens.length === 2 && tokens[1] === '(') {
      block = tokens[0];
      continue;
    } else if (tokens.length === 2 && tokens[1] === '()') {
      continue; // an empty block
    }
    const [verb, ...args] = tokens;
    switch (verb) {
      case 'module':
        if (args.length !== 1) return { ok: false, reason: `${at}: usage: module module/path` };
        module = args[0];
        break;
      case 'go':
        if (args.length !== 1 || !/^\d+(\.\d+)*((rc|beta)\d+)?$/.test(args[0] ?? '')) return { ok: false, reason: `${at}: invalid go version ${JSON.stringify(args.join(' '))}` };
        go = args[0];
        break;
      case 'toolchain':
        if (args.length !== 1) return { ok: false, reason: `${at}: usage: toolchain name` };
        toolchain = args[0];
        break;
      case 'require': {
        const [path, version] = args;
        if (args.length !== 2 || path === undefined || version === undefined) return { ok: false, reason: `${at}: usage: require module/path v1.2.3` };
        requires.push({ path, version, indirect: isIndirect(lexed.comment) });
        break;
      }
      case 'replace': {
        const arrow = args.indexOf('=>');
        const left = args.slice(0, arrow);
        const right = args.slice(arrow + 1);
        const [oldPath, oldVersion] = left;
        const [newPath, newVersion] = right;
        if (arrow < 1 || left.length > 2 || right.length < 1 || right.length > 2 || oldPath === undefined || newPath === undefined) {
          return { ok: false, reason: `${at}: usage: replace module/path [v1.2.3] => other/module v1.4 | ./local/dir` };
        }
        replaces.push({ oldPath, ...(oldVersion === undefined ? {} : { oldVersion }), newPath, ...(newVersion === undefined ? {} : { newVersion }) });
        break;
      }
      default:
        break; // exclude, retract, godebug, tool, ignore: no packages
    }
  }
  if (block !== undefined) return { ok: false, reason: `unterminated ${block} block` };
  return {
    ok: true,
    mod: { ...(module === undefined ? {} : { module }), ...(go === undefined ? {} : { go }), ...(toolchain === undefined ? {} : { toolchain }), requires, replaces },
  };
}

/** Modules of a go.sum file, the last (highest, as go.sum is sorted) version of each. */
export function parseGoSum(text: string): Map<string, string> {
  const modules = new Map<string, string>();
  for (const line of text.split('\n')) {
    const [path, version] = line.trim().split(/\s+/);
    if (path === undefined || version === undefined) continue;
    modules.set(path, version.replace(/\/go\.mod$/, ''));
  }
  return modules;
}

/** Whether a `go` directive is older than 1.17 (or missing), when go.mod did not yet list indirect modules. */
export function beforeGo117(go: string | undefined): boolean {
  if (go === undefined) return true;
  const [major = 0, minor = 0] = go.split('.').map((p) => Number.parseInt(p, 10));
  return major < 1 || (major === 1 && minor < 17);
}

/**
 * The modules a go.mod builds with, as Trivy reads them: the requires (indirect ones only from Go
 * 1.17 on, when go.mod lists them all), then `replace` directives applied (a version on the left
 * must match; a local-directory target drops the module), then, before Go 1.17, the modules of
 * go.sum that go.mod does not name. The main module itself is not a dependency.
 */
export function goModules(mod: GoModFile, sum: ReadonlyMap<string, string> | undefined): { path: string; version: string }[] {
  const old = beforeGo117(mod.go);
  const modules = new Map<string, string>();
  for (const r of mod.requires) if (!(old && r.indirect)) modules.set(r.path, r.version);
  for (const rep of mod.replaces) {
    const version = modules.get(rep.oldPath);
    if (version === undefined || (rep.oldVersion !== undefined && rep.oldVersion !== version)) continue;
    modules.delete(rep.oldPath);
    if (rep.newVersion !== undefined) modules.set(rep.newPath, rep.newVersion);
  }
  if (old && sum !== undefined) {
    for (const [path, version] of sum) if (!modules.has(path) && path !== mod.module) modules.set(path, version);
  }
  return [...modules].map(([path, version]) => ({ path, version }));
}
