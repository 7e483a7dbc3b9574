import { defineMatcher } from '../matcher.js';

export const nuget = defineMatcher({
  id: 'nuget',
  version: 1,
  description: 'NuGet packages (NuGetVersion ordering, case-insensitive names)',
  ecosystems: ['NuGet'],
  scheme: 'nuget',
});
