/**
 * A Python project name in its PEP 503 normalized form: lowercase, runs of `-`, `_` and `.` as one
 * `-`. Lockfiles and pyproject.toml spell the same project differently (`Flask`, `typing_extensions`);
 * links between packages are resolved on this form. Packages keep the name as written (as Trivy and
 * the installed-package analyzer do); their purl and the PyPI matcher use this form.
 */
export function pep503Name(name: string): string {
  return name.trim().toLowerCase().replace(/[-_.]+/g, '-');
}

/** The project name a PEP 508 requirement string starts with (`requests[socks]>=2; python_version<"3"` → `requests`). */
export function requirementName(requirement: string): string | undefined {
  return /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)/.exec(requirement)?.[1];
}
