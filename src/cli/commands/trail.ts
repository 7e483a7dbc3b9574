import type { CliCommand } from '../cli-command.js';
import { registerTrailExport } from './trail-export.js';
import { registerTrailProof } from './trail-proof.js';
import { registerTrailQuery } from './trail-query.js';
import { registerTrailRecord } from './trail-record.js';
import { registerTrailVerify } from './trail-verify.js';

/** `rampart trail`: the tamper-evident audit trail (record, verify, query, proof, export). */
export const trailCommand: CliCommand = {
  name: 'trail',
  register(program, wrap) {
    const trail = program
      .command('trail')
      .description('tamper-evident audit trail of container lifecycle events (RFC 6962 Merkle log, signed checkpoints)');
    registerTrailRecord(trail, wrap);
    registerTrailVerify(trail, wrap);
    registerTrailQuery(trail, wrap);
    registerTrailProof(trail, wrap);
    registerTrailExport(trail, wrap);
  },
};
