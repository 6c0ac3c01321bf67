/**
 * Coder results produced elsewhere — by the `actions/code` matrix jobs of a fan-out workflow, one subtask
 * per job — handed to the engine, which applies and commits them exactly as it would its own coder's.
 */
import { z } from 'zod';
import type { AgentResult, CodeChange } from '../agents/types.ts';

const editSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('write'), path: z.string().max(4_096), content: z.string().max(2_000_000) }),
  z.object({
    kind: z.literal('replace'),
    path: z.string().max(4_096),
    search: z.string().max(2_000_000),
    replace: z.string().max(2_000_000),
    wholeLines: z.boolean().optional(),
  }),
  z.object({ kind: z.literal('delete'), path: z.string().max(4_096) }),
]);

export const externalCodeResultSchema = z.union([
  z.object({
    ok: z.literal(true),
    subtaskId: z.string().max(64),
    model: z.string().max(300),
    change: z.object({ edits: z.array(editSchema).max(200), commitMessage: z.string().min(1).max(2_000) }),
  }),
  z.object({
    ok: z.literal(false),
    subtaskId: z.string().max(64),
    model: z.string().max(300),
    reason: z.string().max(4_000),
    /** No coder model answered at all (as opposed to answers that never validated). */
    degraded: z.boolean(),
  }),
]);

export type ExternalCodeResult = z.infer<typeof externalCodeResultSchema>;

export function toExternalResult(subtaskId: string, result: AgentResult<CodeChange>): ExternalCodeResult {
  if (result.ok) return { ok: true, subtaskId, model: result.provenance.model, change: result.value };
  return {
    ok: false,
    subtaskId,
    model: result.provenance.model,
    reason: result.reason,
    degraded: result.provenance.invalidAnswers === 0,
  };
}

export function fromExternalResult(result: ExternalCodeResult): AgentResult<CodeChange> {
  const provenance = {
    model: result.model,
    attempts: 1,
    invalidAnswers: result.ok || result.degraded ? 0 : 1,
  };
  return result.ok
    ? { ok: true, value: result.change, provenance }
    : { ok: false, reason: result.reason, provenance };
}
