import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import type { ContinuityResultDto } from '@peakplan/contracts';

import { instantSql, localDayRange } from '../../database/local-time-sql';
import { queryRows } from '../../database/query-rows';
import { OrganisationsService } from '../../organisations/organisations.service';
import { localToday } from '../pool-time';
import { PointsWeightsService } from './points-weights.service';

/**
 * The yearly continuity part, for a year that has ended: a member who was in the pool the whole year
 * (joined before it, did not leave during it), whose training for some skill was current on its last
 * day, and who held a place on at least one shift outside the peaks that year (the pool kept warm).
 * One line per member and year (its source key), so running it again grants nothing more.
 */
@Injectable()
export class ContinuityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
    private readonly weights: PointsWeightsService,
  ) {}

  async grant(year: number): Promise<ContinuityResultDto> {
    const organisation = await this.organisations.current();
    const thisYear = Number(localToday(organisation.timeZone).slice(0, 4));
    if (year >= thisYear)
      throw new BadRequestException({
        message: `year: ${year} has not ended yet`,
        details: [{ field: 'year', reason: 'must be a year that has ended' }],
      });
    const { continuity } = await this.weights.get(organisation.id);
    if (continuity <= 0) return { year, granted: 0 };
    // The year's first and last instants in the organisation's zone, from its clock.
    const [starts, ends] = localDayRange(organisation.timeZone, `${year}-01-01`, `${year}-12-31`);
    const granted = await queryRows<{ user_id: string }>(
      this.dataSource,
      `with bounds as (
         select ${instantSql('$2')} as starts, ${instantSql('$5')} as ends, make_date($3, 12, 31) as last_day
       )
       insert into pool_point_line (organisation_id, user_id, kind, points, reason, source_key, at)
       select $1, pm.user_id, 'continuity', $4,
              'Continuity ' || $3 || ': in the pool all year, training current, and shifts outside the peaks',
              'continuity:' || $3 || ':' || pm.user_id, b.ends - interval '1 second'
         from pool_member pm cross join bounds b
        where pm.organisation_id = $1 and pm.joined_at < b.starts and (pm.active or pm.left_at >= b.ends)
          and exists (select 1 from pool_member_skill k where k.user_id = pm.user_id and k.trained_on <= b.last_day
                        and (k.training_expires_on is null or k.training_expires_on > b.last_day))
          and exists (select 1 from pool_sign_up su join pool_shift s on s.id = su.shift_id
                       where su.user_id = pm.user_id and su.status = 'confirmed' and s.cancelled_at is null
                         and s.peak is null and s.starts_at >= b.starts and s.starts_at < b.ends)
       on conflict (source_key) do nothing
       returning user_id`,
      [organisation.id, starts, year, continuity, ends],
    );
    return { year, granted: granted.length };
  }
}
