import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';

import type { DailyHistoryResponse } from '@peakplan/contracts';
import { queryOne, queryRows } from '../database/query-rows';

@Injectable()
export class HistoryService {
  constructor(private readonly dataSource: DataSource) {}

  /** Daily totals of a queue between two local dates (inclusive); defaults to the last two years. */
  async daily(queueId: string, from?: string, to?: string): Promise<DailyHistoryResponse> {
    // One query for the queue and its time zone: this route is the dashboard's most frequent read.
    const queue = await queryOne<{ id: string; name: string; timeZone: string }>(
      this.dataSource,
      `select q.id, q.name, o.time_zone as "timeZone" from queue q join organisation o on o.id = q.organisation_id
        where q.id = $1`,
      [queueId],
    );
    if (!queue) throw new NotFoundException(`queue ${queueId} does not exist`);
    const { timeZone } = queue;
    const lastDay = to ?? DateTime.now().setZone(timeZone).minus({ days: 1 }).toISODate()!;
    const firstDay = from ?? DateTime.fromISO(lastDay).minus({ years: 2 }).toISODate()!;
    if (firstDay > lastDay)
      throw new BadRequestException(`from (${firstDay}) must not be after to (${lastDay})`);
    // Kept per day at import time (daily-history.ts): a key range, not a sum over 15-minute rows.
    const rows = await queryRows<{ date: string; offered: string; handled: string; abandoned: string }>(
      this.dataSource,
      `select to_char(local_date, 'YYYY-MM-DD') as date, offered, handled, abandoned
           from contact_history_daily
          where queue_id = $1 and local_date between $2::date and $3::date
          order by local_date`,
      [queue.id, firstDay, lastDay],
    );
    return {
      queueId: queue.id,
      queueName: queue.name,
      timeZone,
      from: firstDay,
      to: lastDay,
      days: rows.map((row) => ({
        date: row.date,
        offered: Number(row.offered),
        handled: Number(row.handled),
        abandoned: Number(row.abandoned),
      })),
    };
  }
}
