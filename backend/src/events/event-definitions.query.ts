/* The organisation's event calendar as the forecasting engine reads it: one definition per event,
 * identified by its key (the forecast's event coefficients and the peak reviews are keyed by it). */
import type { DataSource, EntityManager } from 'typeorm';

import type { EventDefinition } from '@peakplan/forecasting';
import { queryRows } from '../database/query-rows';

/**
 * Every event in use (not retired) of the organisation in key order, or only the one with `key`, retired
 * or not, so a past peak stays reviewable (empty when there is none).
 */
export async function loadEventDefinitions(
  database: DataSource | EntityManager,
  organisationId: string,
  key?: string,
): Promise<EventDefinition[]> {
  const rows = await queryRows<{
    key: string;
    name: string;
    rule: EventDefinition['rule'];
    window_before: number;
    window_after: number;
    closed: boolean;
  }>(
    database,
    `select key, name, rule, window_before, window_after, closed from event
      where organisation_id = $1 and ($2::text is null and retired_at is null or key = $2) order by key`,
    [organisationId, key ?? null],
  );
  return rows.map((event) => ({
    id: event.key,
    name: event.name,
    rule: event.rule,
    windowBefore: event.window_before,
    windowAfter: event.window_after,
    ...(event.closed ? { closed: true } : {}),
  }));
}
