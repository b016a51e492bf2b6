import type { ScenarioAdjustments, ScenarioInputsDto, ScenarioResult } from '@peakplan/contracts';
import { computeScenario, createScenarioCache, type ScenarioCache } from '@peakplan/forecasting/browser';

import { type IntervalColumns, toIntervalColumns } from './interval-columns';

/** Messages to the recompute worker: the scenario's inputs once, then adjustments as they change. */
export type RecomputeRequest =
  | { kind: 'inputs'; inputs: ScenarioInputsDto }
  | { kind: 'compute'; requestId: number; adjustments: ScenarioAdjustments };

/** The result comes back without its intervals, which travel as columns (see `interval-columns.ts`). */
export type RecomputeAnswer =
  | { requestId: number; result: ScenarioResult; columns: IntervalColumns; milliseconds: number }
  | { requestId: number; error: string };

/**
 * The scenario's result under the given adjustments, computed by the server's own `computeScenario`
 * (forecasting's browser entry point) on the server's inputs: what `GET /api/scenarios/{id}/result`
 * answers once these adjustments are saved, warnings included.
 */
export function recomputeScenario(
  inputs: ScenarioInputsDto,
  adjustments: ScenarioAdjustments,
  cache?: ScenarioCache,
): ScenarioResult {
  const result: ScenarioResult = computeScenario(
    { id: inputs.scenarioId, name: inputs.name, from: inputs.from, to: inputs.to },
    inputs.queues,
    adjustments,
    { cache },
  );
  result.warnings.push(...inputs.warnings);
  return result;
}

/**
 * Answers one request; keeps the inputs between calls in `state` (the worker's, or a fallback's), and
 * what a slider move leaves unchanged (a cost, the core staff: the staffing) for the next computation.
 */
export function answerRecompute(
  state: { inputs: ScenarioInputsDto | null; cache?: ScenarioCache },
  request: RecomputeRequest,
  now: () => number,
): RecomputeAnswer | null {
  if (request.kind === 'inputs') {
    state.inputs = request.inputs;
    state.cache = createScenarioCache();
    return null;
  }
  if (!state.inputs) return { requestId: request.requestId, error: 'The scenario is not loaded yet.' };
  try {
    const started = now();
    const { intervals, ...result } = recomputeScenario(state.inputs, request.adjustments, state.cache);
    const milliseconds = now() - started;
    return {
      requestId: request.requestId,
      result,
      columns: toIntervalColumns(intervals ?? []),
      milliseconds,
    };
  } catch (error) {
    // The library names the bad argument (e.g. an unreachable service level): say it as a sentence.
    const reason = error instanceof Error ? error.message : String(error);
    return { requestId: request.requestId, error: `These adjustments cannot be computed: ${reason}.` };
  }
}
