import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource, EntityManager } from 'typeorm';

import type {
  CreatePoolShiftRequest,
  PoolShiftDto,
  PoolShiftStatus,
  PublishPlanRequest,
  UpdatePoolShiftRequest,
} from '@peakplan/contracts';

import type { SessionUser } from '../auth/access.decorators';
import { AuditService } from '../audit/audit.service';
import { OrganisationsService } from '../organisations/organisations.service';
import { queueMessages } from './pool-outbox';
import { PoolRuleRefusal, shiftNotFound } from './pool-refusal';
import { loadShift, SHIFT_COLUMNS, shiftStatus, toShiftDto, type PoolShiftRow } from './pool-shift.row';
import { shiftInstants } from './pool-time';
import { ShiftFitService } from './shift-fit.service';
import { poolTransaction } from './pool-transaction';
import { promoteFromWaitlist } from './waitlist';
import { badField, insertShifts, signUpWindow } from './new-shifts';
import { queryOne, queryRows } from '../database/query-rows';

/** Peak shifts: made by hand or published from a staffing plan, listed, changed (audited) and cancelled. */
@Injectable()
export class PoolShiftsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
    private readonly audit: AuditService,
    private readonly fit: ShiftFitService,
  ) {}

  async create(planner: SessionUser, request: CreatePoolShiftRequest): Promise<PoolShiftDto> {
    const { timeZone } = await this.organisations.current();
    const queueId = await this.queueIdOf(planner.organisationId, request.skill);
    const { startsAt, endsAt } = shiftInstants(timeZone, request.date, request.start, request.end);
    const breakMinutes = request.breakMinutes ?? 0;
    if (breakMinutes * 60_000 >= endsAt.toMillis() - startsAt.toMillis())
      throw badField('breakMinutes', 'the break must be shorter than the shift');
    const window = signUpWindow(startsAt.toJSDate(), request, new Date());
    return this.dataSource.transaction(async (manager) => {
      const [id] = await insertShifts(manager, planner, [
        {
          queueId,
          startsAt: startsAt.toJSDate(),
          endsAt: endsAt.toJSDate(),
          breakMinutes,
          places: request.places,
          remote: request.remote ?? true,
          location: request.location ?? null,
          ...window,
          allocation: request.allocation ?? 'first-come',
          peak: request.peak ?? null,
          staffingPlanId: null,
          draftShiftId: null,
        },
      ]);
      await this.audit.record(
        {
          actor: planner,
          action: 'pool-shift.created',
          entityType: 'pool-shift',
          entityId: id,
          after: request,
        },
        manager,
      );
      return toShiftDto((await loadShift(manager, planner.organisationId, id))!, timeZone, new Date());
    });
  }

  /**
   * Publishes a staffing plan's draft shifts (all, or the chosen ones) as pool shifts. A draft shift
   * is published once: those already published are left out of the answer.
   */
  async publishPlan(
    planner: SessionUser,
    planId: string,
    request: PublishPlanRequest,
  ): Promise<PoolShiftDto[]> {
    const { timeZone } = await this.organisations.current();
    return this.dataSource.transaction(async (manager) => {
      const plan = await queryOne<{ id: string; scenario_name: string }>(
        manager,
        `select p.id, s.name as scenario_name from staffing_plan p join scenario s on s.id = p.scenario_id
          where p.id = $1 and s.organisation_id = $2 for update of p`,
        [planId, planner.organisationId],
      );
      if (!plan) throw new NotFoundException(`staffing plan ${planId} does not exist`);
      const drafts = await queryRows<{
        id: string;
        queue_id: string;
        starts_at: Date;
        ends_at: Date;
        break_starts_at: Date | null;
        break_ends_at: Date | null;
        places: number;
        published: boolean;
      }>(
        manager,
        `select d.id, d.queue_id, d.starts_at, d.ends_at, d.break_starts_at, d.break_ends_at, d.places,
                exists (select 1 from pool_shift ps where ps.draft_shift_id = d.id) as published
           from draft_shift d where d.staffing_plan_id = $1 order by d.starts_at, d.id`,
        [planId],
      );
      let chosen = drafts;
      if (request.draftShiftIds) {
        // PostgreSQL writes a uuid in lower case; an upper-case id of a draft shift is that shift.
        const draftShiftIds = request.draftShiftIds.map((id) => id.toLowerCase());
        const known = new Set(drafts.map((draft) => draft.id));
        const unknown = draftShiftIds.filter((id) => !known.has(id));
        if (unknown.length > 0)
          throw badField('draftShiftIds', `not draft shifts of plan ${planId}: ${unknown.join(', ')}`);
        const wanted = new Set(draftShiftIds);
        chosen = drafts.filter((draft) => wanted.has(draft.id));
      }
      const now = new Date();
      // A plan made today holds shifts that already began; they used to refuse the whole publish as
      // "signUpClosesAt: must be after signUpOpensAt". Say which drafts, and how to go on.
      const opensAt = request.signUpOpensAt ? new Date(request.signUpOpensAt) : now;
      const started = request.signUpClosesAt
        ? []
        : chosen.filter((draft) => !draft.published && draft.starts_at <= opensAt);
      if (started.length > 0)
        throw badField(
          'draftShiftIds',
          `${started.length} draft shift(s) start before their sign-up opens (${request.signUpOpensAt ? 'signUpOpensAt' : 'now'}), the first ${started[0].id} at ${started[0].starts_at.toISOString()}: publish the later ones by their draftShiftIds`,
        );
      const ids = await insertShifts(
        manager,
        planner,
        chosen
          .filter((draft) => !draft.published)
          .map((draft) => ({
            queueId: draft.queue_id,
            startsAt: draft.starts_at,
            endsAt: draft.ends_at,
            breakMinutes:
              draft.break_starts_at && draft.break_ends_at
                ? Math.round((draft.break_ends_at.getTime() - draft.break_starts_at.getTime()) / 60_000)
                : 0,
            places: draft.places,
            remote: request.remote ?? true,
            location: request.location ?? null,
            ...signUpWindow(draft.starts_at, request, now),
            allocation: request.allocation ?? 'first-come',
            peak: request.peak ?? plan.scenario_name,
            staffingPlanId: planId,
            draftShiftId: draft.id,
          })),
      );
      await this.audit.record(
        {
          actor: planner,
          action: 'shifts.published',
          entityType: 'staffing-plan',
          entityId: planId,
          after: { shifts: ids.length, draftShiftIds: request.draftShiftIds ?? 'all' },
        },
        manager,
      );
      return this.readMany(manager, planner.organisationId, ids, timeZone);
    });
  }

  /** Planners see every shift (of a status, if asked); pool members only the open ones that fit them. */
  async list(viewer: SessionUser, status: PoolShiftStatus | undefined): Promise<PoolShiftDto[]> {
    const { timeZone } = await this.organisations.current();
    const now = new Date();
    const plans = viewer.roles.some((role) => role === 'planner' || role === 'admin' || role === 'manager');
    if (!plans) return this.fit.openShiftsFor(viewer, timeZone, now);
    const rows = await queryRows<PoolShiftRow>(
      this.dataSource,
      `select ${SHIFT_COLUMNS} from pool_shift s join queue q on q.id = s.queue_id
        where s.organisation_id = $1 order by s.starts_at, q.name, s.id`,
      [viewer.organisationId],
    );
    return rows
      .filter((row) => status === undefined || shiftStatus(row, now) === status)
      .map((row) => toShiftDto(row, timeZone, now));
  }

  async get(viewer: SessionUser, id: string): Promise<PoolShiftDto> {
    const { timeZone } = await this.organisations.current();
    const row = await loadShift(this.dataSource.manager, viewer.organisationId, id);
    if (!row) throw shiftNotFound(id);
    const plans = viewer.roles.some((role) => role === 'planner' || role === 'admin' || role === 'manager');
    if (plans) return toShiftDto(row, timeZone, new Date());
    return this.fit.shiftForMember(viewer, row, timeZone, new Date());
  }

  /**
   * Changes a published shift under its lock. Times and places are audited and the booked members get
   * a message. Cutting places below the confirmed count is refused unless the planner asks to move the
   * last confirmed back to the front of the waitlist; more places are filled from the waitlist.
   */
  async update(planner: SessionUser, id: string, request: UpdatePoolShiftRequest): Promise<PoolShiftDto> {
    const { timeZone } = await this.organisations.current();
    return poolTransaction(this.dataSource, async (manager) => {
      const shift = await loadShift(manager, planner.organisationId, id, true);
      if (!shift) throw shiftNotFound(id);
      if (shift.cancelled_at) throw new PoolRuleRefusal('shift-cancelled', 'This shift has been cancelled.');
      const now = new Date();
      const before = toShiftDto(shift, timeZone, now);
      const timesChanged =
        request.date !== undefined || request.start !== undefined || request.end !== undefined;
      const { startsAt, endsAt } = timesChanged
        ? shiftInstants(
            timeZone,
            request.date ?? before.date,
            request.start ?? before.start,
            request.end ?? before.end,
          )
        : {
            startsAt: DateTime.fromJSDate(shift.starts_at),
            endsAt: DateTime.fromJSDate(shift.ends_at),
          };
      const breakMinutes = request.breakMinutes ?? shift.break_minutes;
      if (breakMinutes * 60_000 >= endsAt.toMillis() - startsAt.toMillis())
        throw badField('breakMinutes', 'the break must be shorter than the shift');
      const places = request.places ?? shift.places;
      let movedBack: string[] = [];
      if (places < shift.confirmed_count) {
        if (!request.moveLastConfirmedToWaitlist)
          throw new PoolRuleRefusal(
            'places-below-confirmed',
            `${shift.confirmed_count} members are confirmed: cutting to ${places} places needs moveLastConfirmedToWaitlist: true, which moves the last ${shift.confirmed_count - places} confirmed back to the front of the waitlist.`,
          );
        const moved = await queryRows<{ id: string; user_id: string }>(
          manager,
          `select id, user_id from pool_sign_up where shift_id = $1 and status = 'confirmed'
            order by queued_at desc, id desc limit $2`,
          [id, shift.confirmed_count - places],
        );
        await manager.query(
          `update pool_sign_up set status = 'waitlisted', sequence = sequence + 1, updated_at = clock_timestamp()
            where id = any($1::uuid[])`,
          [moved.map((row) => row.id)],
        );
        movedBack = moved.map((row) => row.user_id);
        shift.confirmed_count -= moved.length;
      }
      await manager.query(
        `update pool_shift set starts_at = $2, ends_at = $3, break_minutes = $4, places = $5, confirmed_count = $6,
                location = $7, sign_up_closes_at = $8, withdrawal_cutoff_at = $9,
                sequence = sequence + 1, updated_at = now()
          where id = $1`,
        [
          id,
          startsAt.toJSDate(),
          endsAt.toJSDate(),
          breakMinutes,
          places,
          shift.confirmed_count,
          request.location === undefined ? shift.location : request.location,
          request.signUpClosesAt ? new Date(request.signUpClosesAt) : shift.sign_up_closes_at,
          request.withdrawalCutoffAt ? new Date(request.withdrawalCutoffAt) : shift.withdrawal_cutoff_at,
        ],
      );
      const changed = (await loadShift(manager, planner.organisationId, id))!;
      await promoteFromWaitlist(manager, changed, { timeZone, now });
      const after = toShiftDto((await loadShift(manager, planner.organisationId, id))!, timeZone, now);
      await queueMessages(manager, movedBack, 'moved-to-waitlist', { shiftId: id });
      await queueMessages(manager, await this.bookedMembers(manager, id, movedBack), 'shift-changed', {
        shiftId: id,
        before: { startsAt: before.startsAt, endsAt: before.endsAt, places: before.places },
        after: { startsAt: after.startsAt, endsAt: after.endsAt, places: after.places },
      });
      await this.audit.record(
        {
          actor: planner,
          action: 'pool-shift.updated',
          entityType: 'pool-shift',
          entityId: id,
          before,
          after,
        },
        manager,
      );
      return after;
    });
  }

  /** Cancels a shift: every sign-up becomes cancelled and its member gets a message. */
  async cancel(planner: SessionUser, id: string): Promise<PoolShiftDto> {
    const { timeZone } = await this.organisations.current();
    return poolTransaction(this.dataSource, async (manager) => {
      const shift = await loadShift(manager, planner.organisationId, id, true);
      if (!shift) throw shiftNotFound(id);
      if (shift.cancelled_at)
        throw new PoolRuleRefusal('shift-cancelled', 'This shift is already cancelled.');
      const booked = await this.bookedMembers(manager, id, []);
      await manager.query(
        `update pool_sign_up set status = 'cancelled', sequence = sequence + 1, updated_at = clock_timestamp()
          where shift_id = $1 and status in ('confirmed', 'waitlisted', 'requested')`,
        [id],
      );
      await manager.query(
        `update pool_shift set cancelled_at = now(), confirmed_count = 0, sequence = sequence + 1, updated_at = now() where id = $1`,
        [id],
      );
      await queueMessages(manager, booked, 'shift-cancelled', { shiftId: id, startsAt: shift.starts_at });
      await this.audit.record(
        {
          actor: planner,
          action: 'pool-shift.cancelled',
          entityType: 'pool-shift',
          entityId: id,
          after: { toldMembers: booked.length },
        },
        manager,
      );
      return toShiftDto((await loadShift(manager, planner.organisationId, id))!, timeZone, new Date());
    });
  }

  private async bookedMembers(manager: EntityManager, shiftId: string, except: string[]): Promise<string[]> {
    const rows = await queryRows<{ user_id: string }>(
      manager,
      `select user_id from pool_sign_up where shift_id = $1 and status in ('confirmed', 'waitlisted', 'requested')
         and not (user_id = any($2::uuid[]))`,
      [shiftId, except],
    );
    return rows.map((row) => row.user_id);
  }

  private async queueIdOf(organisationId: string, skill: string): Promise<string> {
    const queue = await queryOne<{ id: string }>(
      this.dataSource,
      `select id from queue where organisation_id = $1 and name = $2`,
      [organisationId, skill],
    );
    if (!queue) throw badField('skill', `no queue named ${skill}`);
    return queue.id;
  }

  private async readMany(
    manager: EntityManager,
    organisationId: string,
    ids: string[],
    timeZone: string,
  ): Promise<PoolShiftDto[]> {
    if (ids.length === 0) return [];
    const rows = await queryRows<PoolShiftRow>(
      manager,
      `select ${SHIFT_COLUMNS} from pool_shift s join queue q on q.id = s.queue_id
        where s.organisation_id = $1 and s.id = any($2::uuid[]) order by s.starts_at, q.name, s.id`,
      [organisationId, ids],
    );
    const now = new Date();
    return rows.map((row) => toShiftDto(row, timeZone, now));
  }
}
