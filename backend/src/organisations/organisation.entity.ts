import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('organisation')
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') name!: string;
  /** IANA zone of the organisation's intervals, e.g. Europe/Amsterdam. */
  @Column('text', { name: 'time_zone' }) timeZone!: string;
  /** Country whose event presets and holidays apply (ISO 3166 alpha-2). */
  @Column('text') country!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
