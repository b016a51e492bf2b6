/* The queue and event a reason request names, checked in the organisation: 404 naming the field. */
import { NotFoundException } from '@nestjs/common';
import type { DataSource } from 'typeorm';

import type { EventDefinition } from '@peakplan/forecasting';

import { loadEventDefinitions } from '../events/event-definitions.query';
import { queryOne } from '../database/query-rows';

export interface ReasonQueue {
  id: string;
  name: string;
  kind: 'live' | 'deferred';
  intervalMinutes: number;
  ahtSeconds: number;
  serviceLevelTarget: number;
  targetSeconds: number;
  patienceSeconds: number | null;
  concurrency: number;
  repeatWindowDays: number;
}

interface QueueRow {
  id: string;
  name: string;
  kind: 'live' | 'deferred';
  interval_minutes: number;
  aht_seconds: number;
  service_level_target: number;
  target_seconds: number;
  patience_seconds: number | null;
  concurrency: number;
  repeat_window_days: number;
}

/** The queue by name (or id) in the organisation. */
export async function findReasonQueue(
  dataSource: DataSource,
  organisationId: string,
  nameOrId: string,
): Promise<ReasonQueue> {
  const row = await queryOne<QueueRow>(
    dataSource,
    `select id, name, kind, interval_minutes, aht_seconds, service_level_target, target_seconds,
            patience_seconds, concurrency, repeat_window_days
       from queue where organisation_id = $1 and (lower(name) = lower($2) or id::text = $2)
      order by retired_at nulls first limit 1`,
    [organisationId, nameOrId],
  );
  if (!row)
    throw new NotFoundException({
      message: `queue "${nameOrId.slice(0, 60)}" does not exist`,
      details: [{ field: 'queue', reason: 'no such queue' }],
    });
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    intervalMinutes: row.interval_minutes,
    ahtSeconds: Number(row.aht_seconds),
    serviceLevelTarget: Number(row.service_level_target),
    targetSeconds: row.target_seconds,
    patienceSeconds: row.patience_seconds === null ? null : Number(row.patience_seconds),
    concurrency: row.concurrency,
    repeatWindowDays: row.repeat_window_days,
  };
}

/** The event by key (retired ones too: a past peak stays analysable). */
export async function findReasonEvent(
  dataSource: DataSource,
  organisationId: string,
  key: string,
): Promise<EventDefinition> {
  const [event] = await loadEventDefinitions(dataSource, organisationId, key);
  if (!event)
    throw new NotFoundException({
      message: `event "${key.slice(0, 60)}" does not exist`,
      details: [{ field: 'event', reason: 'no such event in the event calendar' }],
    });
  return event;
}
