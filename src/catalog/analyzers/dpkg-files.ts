import { defineAnalyzer } from '../analyzer.js';

const listFile = /^\/var\/lib\/dpkg\/info\/([^/]+)\.list$/;

/** `info/<name>[:<arch>].list`: the files each dpkg package installed, for ownership marking. */
export const dpkgFiles = defineAnalyzer({
  id: 'dpkg-files',
  version: 1,
  description: 'Files installed by each dpkg package, from var/lib/dpkg/info/*.list',
  required(path) {
    return listFile.test(path);
  },
  analyze({ path, content }) {
    const m = listFile.exec(path);
    const owner = (m?.[1] ?? '').replace(/:[^:]+$/, '');
    const files = content
      .toString('utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.startsWith('/') && l !== '/.');
    return [{ kind: 'owned-files', path, ownerType: 'deb', ownerName: owner, files }];
  },
});
