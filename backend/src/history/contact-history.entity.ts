import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Offered, handled and abandoned contacts of one queue in one interval (or day), per contact reason. */
@Entity('contact_history')
export class ContactHistoryEntity {
  @PrimaryColumn('uuid', { name: 'queue_id' }) queueId!: string;
  @PrimaryColumn('timestamptz', { name: 'interval_start' }) intervalStart!: Date;
  /** '' when the source gives no reason. */
  @PrimaryColumn('text') reason!: string;
  @Column('integer', { name: 'interval_minutes' }) intervalMinutes!: number;
  @Column('integer') offered!: number;
  @Column('integer', { nullable: true }) handled!: number | null;
  @Column('integer', { nullable: true }) abandoned!: number | null;
  @Column('double precision', { name: 'aht_seconds', nullable: true }) ahtSeconds!: number | null;
}
