// Enforces the module boundaries of DESIGN.md §2:
// - `core` imports no other domain;
// - a domain imports another domain only through that domain's `index.ts`;
// - nothing imports `cli`; only `cli` may import `server`, and only through its index.
import path from 'node:path';

const SRC_MARKER = `${path.sep}src${path.sep}`;

/** Returns the domain folder of a path under src/, '' for src/ itself, or undefined outside src/. */
export function domainOf(file) {
  const at = file.lastIndexOf(SRC_MARKER);
  if (at < 0) return undefined;
  const rest = file.slice(at + SRC_MARKER.length);
  const parts = rest.split(path.sep);
  return parts.length > 1 ? parts[0] : '';
}

function isDomainIndex(resolved, domain) {
  const at = resolved.lastIndexOf(SRC_MARKER);
  const rest = resolved.slice(at + SRC_MARKER.length).split(path.sep);
  return rest.length === 2 && rest[0] === domain && /^index\.(js|ts)$/.test(rest[1] ?? '');
}

/** Decides whether `fromFile` may import `specifier`; returns a reason when it may not. */
export function boundaryViolation(fromFile, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const from = domainOf(fromFile);
  if (from === undefined) return undefined;
  // Repository-wide tests at src/ (the registry meta-test) may look at every domain.
  if (from === '' && /\.test\.ts$/.test(fromFile)) return undefined;
  const resolved = path.resolve(path.dirname(fromFile), specifier);
  const to = domainOf(resolved);
  if (to === undefined || to === from) return undefined;
  if (to === '') return `src/${from} must not import the package entry`;
  if (from === 'core') return `core imports no domain (imports src/${to})`;
  if (to === 'cli') return `nothing imports cli (imported from src/${from || '.'})`;
  if (to === 'server' && from !== 'cli' && from !== '') {
    return `only cli imports server (imported from src/${from})`;
  }
  if (!isDomainIndex(resolved, to)) {
    return `import src/${to} through its index.ts, not ${specifier}`;
  }
  return undefined;
}

export const importBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the domain import boundaries of DESIGN.md §2' },
    schema: [],
    messages: { violation: 'Import boundary: {{reason}}' },
  },
  create(context) {
    const file = context.filename;
    const check = (node) => {
      if (!node.source || typeof node.source.value !== 'string') return;
      const reason = boundaryViolation(file, node.source.value);
      if (reason) context.report({ node: node.source, messageId: 'violation', data: { reason } });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};
