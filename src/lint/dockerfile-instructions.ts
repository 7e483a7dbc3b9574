import type { Instruction, WorkloadSpec } from './model.js';

/** Every instruction of every stage of a Dockerfile workload (empty for other inputs). */
export function allInstructions(workload: WorkloadSpec): Instruction[] {
  return workload.build?.stages.flatMap((s) => [...s.instructions]) ?? [];
}

/** The final stage's instructions (what ends up in the image). */
export function finalStageInstructions(workload: WorkloadSpec): Instruction[] {
  const stages = workload.build?.stages ?? [];
  return [...(stages[stages.length - 1]?.instructions ?? [])];
}

/** The shell text a RUN executes: its arguments plus heredoc bodies. */
export function runText(instruction: Instruction): string {
  return [instruction.args, ...instruction.heredocs].join('\n');
}
