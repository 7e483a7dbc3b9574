import { describe } from 'vitest';

/** The real services `.ci/run` starts (see `.ci/services.sh`), each announced by an env variable. */
export const serviceVariables = {
  docker: 'RAMPART_TEST_DOCKER',
  registry: 'RAMPART_TEST_REGISTRY',
  postgres: 'RAMPART_TEST_PG_URL',
  nats: 'RAMPART_TEST_NATS_URL',
  bpftrace: 'RAMPART_TEST_BPFTRACE',
} as const;

export type Service = keyof typeof serviceVariables;

/**
 * `describe` for suites that need real services. The body gets each service's address (the
 * variable's value). A missing service skips the suite with a printed reason, except under
 * CI=true, where it fails the run: in CI nothing real is skipped.
 * Locally: `source .ci/services.sh && start_all` starts them and exports the variables.
 */
export function describeWithServices(
  name: string,
  services: readonly Service[],
  body: (addresses: Record<Service, string>) => void,
): void {
  const addresses = {} as Record<Service, string>;
  const missing: string[] = [];
  for (const service of services) {
    const value = process.env[serviceVariables[service]];
    if (value === undefined || value === '') missing.push(`${service} (${serviceVariables[service]} unset)`);
    else addresses[service] = value;
  }
  if (missing.length === 0) {
    describe(name, () => body(addresses));
    return;
  }
  const reason = `needs ${missing.join(', ')}: run \`source .ci/services.sh && start_all\``;
  if (process.env['CI'] === 'true') throw new Error(`${name}: ${reason}; CI must start every service`);
  console.warn(`skipping "${name}": ${reason}`);
  describe.skip(name, () => undefined);
}
