import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

import type { PoolApproval, Role } from '@peakplan/contracts';

@Entity('app_user')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId!: string;
  @Column('text') email!: string;
  @Column('text') name!: string;
  /** argon2id; null: no password sign-in (imported, or single sign-on later). */
  @Column('text', { name: 'password_hash', nullable: true, select: false }) passwordHash!: string | null;
  @Column('text', { array: true }) roles!: Role[];
  @Column('uuid', { name: 'department_id', nullable: true }) departmentId!: string | null;
  @Column('boolean') active!: boolean;
  @Column('integer', { name: 'failed_login_count' }) failedLoginCount!: number;
  @Column('timestamptz', { name: 'locked_until', nullable: true }) lockedUntil!: Date | null;
  @Column('text', { name: 'pool_approval' }) poolApproval!: PoolApproval;
  @Column('uuid', { name: 'pool_approval_by', nullable: true }) poolApprovalBy!: string | null;
  @Column('timestamptz', { name: 'pool_approval_at', nullable: true }) poolApprovalAt!: Date | null;
}
