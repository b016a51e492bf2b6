import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

import type { OrganisationLocale } from '@peakplan/contracts';

@Entity('organisation')
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') name!: string;
  /** IANA zone of the organisation's intervals, e.g. Europe/Amsterdam. */
  @Column('text', { name: 'time_zone' }) timeZone!: string;
  /** Country whose event presets and holidays apply (ISO 3166 alpha-2). */
  @Column('text') country!: string;
  /** The locale the dashboard writes numbers and dates in (nl-NL or en-GB). */
  @Column('text') locale!: OrganisationLocale;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
