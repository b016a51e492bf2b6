import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import type {
  PoolApproval,
  PoolMemberDto,
  PoolMemberState,
  SetSkillsRequest,
  UpdateAvailabilityRequest,
  WeeklyAvailability,
} from '@peakplan/contracts';
import { ZoneClock } from '@peakplan/forecasting';

import type { SessionUser } from '../auth/access.decorators';
import { AuditService } from '../audit/audit.service';
import { OrganisationsService } from '../organisations/organisations.service';
import { memberState, memberStateText } from './member-state';
import { queueMessages } from './pool-outbox';
import { localToday } from './pool-time';
import { epochMsSql } from '../database/local-time-sql';
import { queryRows } from '../database/query-rows';

interface MemberRow {
  id: string;
  name: string;
  email: string;
  department_id: string | null;
  department: string | null;
  pool_approval: PoolApproval;
  joined: boolean;
  active: boolean | null;
  joined_at: Date | null;
  /** When they left the pool (epoch ms), or null. */
  left_at_ms: number | null;
  weekly_availability: WeeklyAvailability[] | null;
  max_hours_per_week: number | null;
  max_hours_per_peak: number | null;
  skills: { skill: string; trainedOn: string | null; expiresOn: string | null }[];
  dates_off: string[];
}

const MEMBER_SELECT = `
  select u.id, u.name, u.email, u.department_id, d.name as department, u.pool_approval,
         pm.user_id is not null as joined, pm.active, pm.joined_at,
         ${epochMsSql('pm.left_at')} as left_at_ms,
         pm.weekly_availability, pm.max_hours_per_week, pm.max_hours_per_peak,
         coalesce((select json_agg(json_build_object('skill', q.name,
                     'trainedOn', to_char(k.trained_on, 'YYYY-MM-DD'),
                     'expiresOn', to_char(k.training_expires_on, 'YYYY-MM-DD')) order by q.name)
                     from pool_member_skill k join queue q on q.id = k.queue_id where k.user_id = u.id), '[]') as skills,
         coalesce((select array_agg(to_char(o.day, 'YYYY-MM-DD') order by o.day)
                     from pool_member_date_off o where o.user_id = u.id), '{}') as dates_off
    from app_user u left join department d on d.id = u.department_id
    left join pool_member pm on pm.user_id = u.id`;

/**
 * Pool memberships: a member's own page (join, leave, availability), the planner's training records,
 * and the manager's list of their department's applicants with the decision on each.
 */
@Injectable()
export class PoolMembersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
    private readonly audit: AuditService,
  ) {}

  async me(user: SessionUser): Promise<PoolMemberDto> {
    const { timeZone } = await this.organisations.current();
    return this.read(this.dataSource.manager, user.id, user.organisationId, timeZone);
  }

  /** Joins the pool, or rejoins after leaving: a rejoin asks the manager again. */
  async join(user: SessionUser): Promise<PoolMemberDto> {
    const { timeZone } = await this.organisations.current();
    return this.dataSource.transaction(async (manager) => {
      const [row] = await queryRows<{ active: boolean }>(
        manager,
        `select active from pool_member where user_id = $1 for update`,
        [user.id],
      );
      if (row?.active) return this.read(manager, user.id, user.organisationId, timeZone);
      if (row)
        await manager.query(
          `update pool_member set active = true, joined_at = now(), left_at = null, updated_at = now() where user_id = $1`,
          [user.id],
        );
      else
        await manager.query(`insert into pool_member (user_id, organisation_id) values ($1, $2)`, [
          user.id,
          user.organisationId,
        ]);
      await manager.query(
        `update app_user set pool_approval = 'pending', pool_approval_by = null, pool_approval_at = null where id = $1`,
        [user.id],
      );
      await this.audit.record(
        {
          actor: user,
          action: row ? 'pool-member.rejoined' : 'pool-member.joined',
          entityType: 'account',
          entityId: user.id,
        },
        manager,
      );
      return this.read(manager, user.id, user.organisationId, timeZone);
    });
  }

  /** Leaves the pool; refused while the member still holds shifts to come (withdraw from them first). */
  async leave(user: SessionUser): Promise<PoolMemberDto> {
    const { timeZone } = await this.organisations.current();
    return this.dataSource.transaction(async (manager) => {
      const [row] = await queryRows<{ active: boolean }>(
        manager,
        `select active from pool_member where user_id = $1 for update`,
        [user.id],
      );
      if (!row?.active) throw new ConflictException('you are not in the pool');
      const [{ held }] = await queryRows<{ held: number }>(
        manager,
        `select count(*)::int as held from pool_sign_up su join pool_shift s on s.id = su.shift_id
          where su.user_id = $1 and su.status in ('confirmed', 'waitlisted', 'requested')
            and s.cancelled_at is null and s.ends_at > now()`,
        [user.id],
      );
      if (held > 0)
        throw new ConflictException(
          `you still hold ${held} shift sign-up(s) to come: withdraw from them first, or ask your planner`,
        );
      await manager.query(
        `update pool_member set active = false, left_at = now(), updated_at = now() where user_id = $1`,
        [user.id],
      );
      await this.audit.record(
        { actor: user, action: 'pool-member.left', entityType: 'account', entityId: user.id },
        manager,
      );
      return this.read(manager, user.id, user.organisationId, timeZone);
    });
  }

  async updateAvailability(user: SessionUser, request: UpdateAvailabilityRequest): Promise<PoolMemberDto> {
    const { timeZone } = await this.organisations.current();
    return this.dataSource.transaction(async (manager) => {
      const [row] = await queryRows<object>(
        manager,
        `select 1 from pool_member where user_id = $1 for update`,
        [user.id],
      );
      if (!row) throw new ConflictException('join the pool first');
      for (const window of request.weeklyAvailability ?? [])
        if (window.from >= window.to)
          throw new BadRequestException({
            message: `weeklyAvailability: ${window.from}-${window.to} ends before it starts`,
            details: [{ field: 'weeklyAvailability', reason: 'from must be before to' }],
          });
      await manager.query(
        `update pool_member set
           weekly_availability = coalesce($2::jsonb, weekly_availability),
           max_hours_per_week = case when $3::boolean then $4::double precision else max_hours_per_week end,
           max_hours_per_peak = case when $5::boolean then $6::double precision else max_hours_per_peak end,
           updated_at = now()
         where user_id = $1`,
        [
          user.id,
          request.weeklyAvailability ? JSON.stringify(request.weeklyAvailability) : null,
          request.maxHoursPerWeek !== undefined,
          request.maxHoursPerWeek ?? null,
          request.maxHoursPerPeak !== undefined,
          request.maxHoursPerPeak ?? null,
        ],
      );
      if (request.datesOff) {
        await manager.query(`delete from pool_member_date_off where user_id = $1`, [user.id]);
        await manager.query(
          `insert into pool_member_date_off (user_id, day) select $1, d from unnest($2::date[]) as d on conflict do nothing`,
          [user.id, request.datesOff],
        );
      }
      return this.read(manager, user.id, user.organisationId, timeZone);
    });
  }

  /** Records a member's skills and training (planner, admin): the whole list replaces the old one. */
  async setSkills(actor: SessionUser, memberId: string, request: SetSkillsRequest): Promise<PoolMemberDto> {
    const { timeZone } = await this.organisations.current();
    return this.dataSource.transaction(async (manager) => {
      const [row] = await queryRows<object>(
        manager,
        `select 1 from pool_member pm join app_user u on u.id = pm.user_id
          where pm.user_id = $1 and u.organisation_id = $2 for update of pm`,
        [memberId, actor.organisationId],
      );
      if (!row) throw new NotFoundException(`pool member ${memberId} does not exist`);
      const queues = await queryRows<{ id: string; name: string }>(
        manager,
        `select id, name from queue where organisation_id = $1`,
        [actor.organisationId],
      );
      const queueIds = new Map(queues.map((queue) => [queue.name, queue.id]));
      const unknown = request.skills
        .filter((skill) => !queueIds.has(skill.skill))
        .map((skill) => skill.skill);
      if (unknown.length > 0)
        throw new BadRequestException({
          message: `skills: no queue named ${unknown.join(', ')}`,
          details: [{ field: 'skills', reason: `unknown skill ${unknown.join(', ')}` }],
        });
      const before = await this.read(manager, memberId, actor.organisationId, timeZone);
      await manager.query(`delete from pool_member_skill where user_id = $1`, [memberId]);
      await manager.query(
        `insert into pool_member_skill (user_id, queue_id, trained_on, training_expires_on)
         select $1, * from unnest($2::uuid[], $3::date[], $4::date[])`,
        [
          memberId,
          request.skills.map((skill) => queueIds.get(skill.skill)),
          request.skills.map((skill) => skill.trainedOn ?? null),
          request.skills.map((skill) => skill.expiresOn ?? null),
        ],
      );
      const after = await this.read(manager, memberId, actor.organisationId, timeZone);
      await this.audit.record(
        {
          actor,
          action: 'pool-member.training-recorded',
          entityType: 'account',
          entityId: memberId,
          before: before.skills,
          after: after.skills,
        },
        manager,
      );
      return after;
    });
  }

  /**
   * Pool members: planners and admins see all; a manager only their own department's. With `state`,
   * only that state (`pending`: the applicants awaiting a decision).
   */
  async list(viewer: SessionUser, state: PoolMemberState | undefined): Promise<PoolMemberDto[]> {
    const { timeZone } = await this.organisations.current();
    const seesAll = viewer.roles.includes('admin') || viewer.roles.includes('planner');
    const rows = await queryRows<MemberRow>(
      this.dataSource,
      `${MEMBER_SELECT}
        where u.organisation_id = $1 and u.active and 'pool-member' = any(u.roles)
          and ($2::boolean or u.department_id = $3::uuid)
        order by d.name nulls last, u.name, u.email`,
      [viewer.organisationId, seesAll, viewer.departmentId],
    );
    const clock = new ZoneClock(timeZone);
    return rows.map((row) => toMemberDto(row, clock)).filter((member) => !state || member.state === state);
  }

  /**
   * The member's own department manager approves or refuses them; anyone outside the manager's
   * department is "not found". The department comes from the member, so no id beyond theirs is needed.
   */
  async decide(
    manager: SessionUser,
    memberId: string,
    decision: 'approved' | 'refused',
  ): Promise<PoolMemberDto> {
    if (memberId === manager.id) throw new BadRequestException('you cannot approve yourself');
    const { timeZone } = await this.organisations.current();
    return this.dataSource.transaction(async (transaction) => {
      const [before] = await queryRows<{ pool_approval: string; department_id: string }>(
        transaction,
        `select u.pool_approval, u.department_id from app_user u join pool_member pm on pm.user_id = u.id
          where u.id = $1 and u.organisation_id = $2 and u.department_id = $3::uuid and pm.active and u.active
          for update of u`,
        [memberId, manager.organisationId, manager.departmentId],
      );
      if (!before)
        throw new NotFoundException(`pool member ${memberId} is not an applicant of your department`);
      await transaction.query(
        `update app_user set pool_approval = $2, pool_approval_by = $3, pool_approval_at = now(), updated_at = now() where id = $1`,
        [memberId, decision, manager.id],
      );
      await this.audit.record(
        {
          actor: manager,
          action: decision === 'approved' ? 'pool-member.approved' : 'pool-member.refused',
          entityType: 'account',
          entityId: memberId,
          before: { poolApproval: before.pool_approval },
          after: { poolApproval: decision, departmentId: before.department_id },
        },
        transaction,
      );
      if (before.pool_approval !== decision)
        await queueMessages(transaction, [memberId], 'approval-decided', { decision });
      return this.read(transaction, memberId, manager.organisationId, timeZone);
    });
  }

  /**
   * Reads a member inside the caller's transaction. The zone is fetched before any transaction starts:
   * the embedded database has one connection, so a second query outside the transaction would wait for ever.
   */
  private async read(
    manager: EntityManager,
    userId: string,
    organisationId: string,
    timeZone: string,
  ): Promise<PoolMemberDto> {
    const [row] = await queryRows<MemberRow>(
      manager,
      `${MEMBER_SELECT} where u.id = $1 and u.organisation_id = $2`,
      [userId, organisationId],
    );
    if (!row) throw new NotFoundException(`pool member ${userId} does not exist`);
    return toMemberDto(row, new ZoneClock(timeZone));
  }
}

function toMemberDto(row: MemberRow, clock: ZoneClock): PoolMemberDto {
  const today = localToday(clock.timeZone);
  const leftOn = row.left_at_ms === null ? null : clock.local(row.left_at_ms).date;
  const state = memberState(row.joined, row.active ?? false, row.pool_approval);
  const skills = row.skills.map((skill) => ({
    ...skill,
    current:
      skill.trainedOn !== null &&
      skill.trainedOn <= today &&
      (skill.expiresOn === null || skill.expiresOn > today),
  }));
  return {
    memberId: row.id,
    name: row.name,
    email: row.email,
    departmentId: row.department_id,
    department: row.department,
    state,
    approval: row.pool_approval,
    stateText: memberStateText(state, skills, leftOn, today),
    skills,
    weeklyAvailability: row.weekly_availability ?? [],
    datesOff: row.dates_off,
    maxHoursPerWeek: row.max_hours_per_week,
    maxHoursPerPeak: row.max_hours_per_peak,
    joinedAt: row.joined_at ? row.joined_at.toISOString() : null,
  };
}
