import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

import type { EventRule } from '@peakplan/forecasting';

/** A recurring demand driver with a date rule and the window of days in which it shapes demand. */
@Entity('event')
export class EventEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  /** Stable key within the organisation, e.g. `valentines`. */
  @Column('text') key!: string;
  @Column('text') name!: string;
  @Column('jsonb') rule!: EventRule;
  @Column('integer', { name: 'window_before' }) windowBefore!: number;
  @Column('integer', { name: 'window_after' }) windowAfter!: number;
  /** ISO 3166 code of where the event applies; null for the whole organisation. */
  @Column('text', { nullable: true }) region!: string | null;
  @Column('timestamptz', { name: 'retired_at', nullable: true }) retiredAt!: Date | null;
  /** Closed on the event's date (every queue). */
  @Column('boolean') closed!: boolean;
}
