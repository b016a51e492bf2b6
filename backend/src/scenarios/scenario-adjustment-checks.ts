/* Checks of a scenario's request that class-validator cannot make: the free-form maps of its
 * adjustments, and the names in them that must match the scenario's queues or the organisation's events. */
import { BadRequestException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import type { ScenarioAdjustments } from '@peakplan/contracts';

import { queryRows } from '../database/query-rows';

export interface FieldProblem {
  field: string;
  reason: string;
}

/** Throws one 400 naming every problem, when there is any. */
export function refuseProblems(problems: readonly FieldProblem[]): void {
  if (problems.length > 0)
    throw new BadRequestException({
      message: problems.map((problem) => `${problem.field}: ${problem.reason}`).join('; '),
      details: problems,
    });
}

/** Checks the free-form maps of the adjustments and the core staff patterns' hours. */
export function checkAdjustments(adjustments: ScenarioAdjustments | undefined): void {
  const problems: FieldProblem[] = [];
  for (const [key, value] of Object.entries(adjustments?.eventUplift ?? {}))
    if (typeof value !== 'number' || !(value >= -0.9 && value <= 5))
      problems.push({ field: `adjustments.eventUplift.${key}`, reason: 'must be a number from -0.9 to 5' });
  for (const [key, value] of Object.entries(adjustments?.deflection ?? {}))
    if (typeof value !== 'number' || !(value >= 0 && value <= 1))
      problems.push({ field: `adjustments.deflection.${key}`, reason: 'must be a share from 0 to 1' });
  // A pattern from 17:00 to 08:00 (or 24:00 to 24:00) was stored and counted as no core staff at all:
  // a night is two patterns, to 24:00 and from 00:00 the next weekday.
  (adjustments?.coreStaff ?? []).forEach((pattern, index) => {
    if (pattern.from >= pattern.to)
      problems.push({
        field: `adjustments.coreStaff[${index}].to`,
        reason: `must be after from (${pattern.from}); a night is two patterns, to 24:00 and from 00:00`,
      });
  });
  refuseProblems(problems);
}

/**
 * Each core staff pattern names one of the scenario's queues (by name or id) or none (every queue).
 * A name matches exactly, as the computation matches it: "Phone" for the queue "phone", or a queue
 * the scenario does not plan, was stored and counted as no core staff at all.
 */
export async function checkCoreStaffQueues(
  manager: EntityManager,
  forecastRunIds: readonly string[],
  adjustments: ScenarioAdjustments | undefined,
): Promise<void> {
  const patterns = adjustments?.coreStaff ?? [];
  if (!patterns.some((pattern) => pattern.queue !== undefined)) return;
  const queues = await queryRows<{ id: string; name: string }>(
    manager,
    `select q.id, q.name from queue q join forecast_run r on r.queue_id = q.id
      where r.id = any($1::uuid[]) order by q.name`,
    [forecastRunIds],
  );
  refuseProblems(
    patterns.flatMap((pattern, index) =>
      pattern.queue === undefined ||
      queues.some((queue) => queue.name === pattern.queue || queue.id === pattern.queue)
        ? []
        : [
            {
              field: `adjustments.coreStaff[${index}].queue`,
              reason: `"${pattern.queue.slice(0, 60)}" is not a queue of this scenario (its queues: ${queues.map((queue) => queue.name).join(', ')})`,
            },
          ],
    ),
  );
}

/**
 * An event uplift names one of the organisation's events by key (retired ones too: older runs hold
 * them). "valentine" for "valentines" was stored and lifted nothing.
 */
export async function checkEventUplift(
  manager: EntityManager,
  organisationId: string,
  adjustments: ScenarioAdjustments | undefined,
): Promise<void> {
  const keys = Object.keys(adjustments?.eventUplift ?? {});
  if (keys.length === 0) return;
  const events = await queryRows<{ key: string }>(
    manager,
    `select key from event where organisation_id = $1 order by key`,
    [organisationId],
  );
  const known = events.map((event) => event.key);
  refuseProblems(
    keys
      .filter((key) => !known.includes(key))
      .map((key) => ({
        field: `adjustments.eventUplift.${key.slice(0, 60)}`,
        reason: `no event has the key "${key.slice(0, 60)}" (events: ${known.join(', ')})`,
      })),
  );
}
