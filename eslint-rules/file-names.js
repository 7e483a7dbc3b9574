// Rejects grab-bag module names (CONVENTIONS.md "Names and size") and non-kebab-case files under src/.
import path from 'node:path';

const GRAB_BAG = /^(utils?|helpers?|misc|common)$/i;
const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function fileNameProblem(file) {
  const base = path.basename(file).replace(/(\.test)?\.(ts|js|mjs|cjs)$/, '');
  const dirs = path.dirname(file).split(path.sep);
  const srcAt = dirs.lastIndexOf('src');
  const inside = srcAt >= 0 ? dirs.slice(srcAt + 1).filter((d) => !d.startsWith('__')) : [];
  for (const name of [...inside, base]) {
    if (GRAB_BAG.test(name)) return `'${name}' is a grab-bag name: name the file for what it does`;
  }
  if (srcAt >= 0 && !KEBAB.test(base)) return `'${base}' is not kebab-case`;
  return undefined;
}

export const fileNames = {
  meta: {
    type: 'problem',
    docs: { description: 'No utils/helpers/misc/common modules; kebab-case file names' },
    schema: [],
    messages: { bad: 'File name: {{reason}}' },
  },
  create(context) {
    return {
      Program(node) {
        const reason = fileNameProblem(context.filename);
        if (reason) context.report({ node, messageId: 'bad', data: { reason } });
      },
    };
  },
};
