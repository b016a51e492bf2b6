import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

import type { QueueKind } from '@peakplan/contracts';
import type { EventRule } from '@peakplan/forecasting';

const numeric = {
  to: (value: number | null) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};

@Entity('queue')
export class QueueEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('text') name!: string;
  @Column('text') kind!: QueueKind;
  @Column('double precision', { name: 'service_level_target', transformer: numeric })
  serviceLevelTarget!: number;
  @Column('integer', { name: 'target_seconds' }) targetSeconds!: number;
  @Column('double precision', { name: 'aht_seconds', transformer: numeric }) ahtSeconds!: number;
  @Column('double precision', { name: 'patience_seconds', nullable: true, transformer: numeric })
  patienceSeconds!: number | null;
  @Column('integer') concurrency!: number;
  @Column('integer', { name: 'repeat_window_days', default: 7 }) repeatWindowDays!: number;
  @Column('integer', { name: 'interval_minutes' }) intervalMinutes!: number;
  @Column('timestamptz', { name: 'retired_at', nullable: true }) retiredAt!: Date | null;
  /** Closed days as event date rules (validated by the calendar engine on the way in). */
  @Column('jsonb', { name: 'closed_days' }) closedDays!: EventRule[];
}
