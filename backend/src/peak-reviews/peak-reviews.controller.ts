import { BadRequestException, Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';

import type { HindsightReport, PeakReviewDto, PeakReviewSummaryDto } from '@peakplan/contracts';

import { Roles } from '../auth/access.decorators';
import { HindsightQuery, PeakReviewQuery } from './peak-reviews.query';
import { HindsightService } from './hindsight.service';
import { HINDSIGHT_EXAMPLE, REVIEW_EXAMPLE, REVIEW_LIST_EXAMPLE } from './peak-reviews.examples';
import { PeakReviewsService } from './peak-reviews.service';

/**
 * Manager-facing: forecast against actual in hindsight and the post-peak reviews. Planners and
 * admins read them too; pool members do not.
 */
@ApiTags('peak reviews (managers)')
@Controller('peak-reviews')
export class PeakReviewsController {
  constructor(
    private readonly reviews: PeakReviewsService,
    private readonly hindsight: HindsightService,
  ) {}

  @Get()
  @Roles('manager', 'planner', 'admin')
  @ApiOkResponse({
    description: 'The stored post-peak reviews (one per event and year), newest window first, totals only.',
    schema: { example: REVIEW_LIST_EXAMPLE },
  })
  list(): Promise<PeakReviewSummaryDto[]> {
    return this.reviews.list();
  }

  @Get('hindsight')
  @Roles('manager', 'planner', 'admin')
  @ApiOkResponse({
    description:
      'Per queue, per day and per interval of a period: actual contacts and AHT, the staff they would have needed (same staffing engine and plan settings), the heads the plan rostered (core + pool gap), hours over- and under-staffed, the estimated service level reached, and forecast-against-actual metrics of the run used.',
    schema: { example: HINDSIGHT_EXAMPLE },
  })
  period(@Query() query: HindsightQuery): Promise<HindsightReport> {
    return this.hindsight.report(query.from, query.to, {
      queueId: query.queueId,
      intervals: query.intervals !== 'false',
    });
  }

  @Get(':event/:year')
  @Roles('manager', 'planner', 'admin')
  @ApiParam({ name: 'event', example: 'valentines', description: 'Event key from the event calendar' })
  @ApiParam({ name: 'year', example: 2026 })
  @ApiOkResponse({
    description:
      "The post-peak summary of the event's window that year: stored by the accuracy-snapshot job after the window ended, else computed now (source says which; fresh=true always computes).",
    schema: { example: REVIEW_EXAMPLE },
  })
  @ApiNotFoundResponse({
    description: 'No such event, or no date of it that year.',
    schema: {
      example: {
        statusCode: 404,
        error: 'Not Found',
        message: 'event "easter-bunny" does not exist',
        details: [{ field: 'event', reason: 'no such event in the event calendar' }],
      },
    },
  })
  review(
    @Param('event') event: string,
    @Param('year') year: string,
    @Query() query: PeakReviewQuery,
  ): Promise<PeakReviewDto> {
    if (!/^(19|2\d|[3-9]\d)\d\d$/.test(year))
      throw new BadRequestException({
        message: `year: "${year}" is not a year from 1900 to 9999`,
        details: [{ field: 'year', reason: 'must be a year as YYYY, 1900 to 9999' }],
      });
    return this.reviews.review(event, Number(year), {
      fresh: query.fresh === 'true',
      intervals: query.intervals !== 'false',
    });
  }
}
