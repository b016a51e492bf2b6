import { BadRequestException, Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';

import type {
  HindsightReport,
  HindsightTotals,
  PeakReviewDto,
  PeakReviewSummaryDto,
} from '@peakplan/contracts';

import { Roles } from '../auth/access.decorators';
import { HindsightQuery, PeakReviewQuery } from './peak-reviews.query';
import { HindsightService } from './hindsight.service';
import { PeakReviewsService } from './peak-reviews.service';

const TOTALS_EXAMPLE: HindsightTotals = {
  actual: 41250,
  planForecast: 39800.5,
  neededHours: 2140.5,
  neededProductiveHours: 1498.25,
  scheduledHours: 2096,
  overStaffedHours: 131.25,
  underStaffedHours: 175.75,
  intervalsOverStaffed: 212,
  intervalsUnderStaffed: 264,
  plannedIntervals: 1152,
  intervals: 1152,
  serviceLevelReached: 0.7812,
  abandonedShare: 0.0431,
};

const QUEUE_EXAMPLE = {
  queueId: '4f1c2a9e-7d2b-4c1e-9a55-0b6f3e2d1c10',
  queue: 'phone',
  kind: 'live',
  intervalMinutes: 15,
  settings: {
    serviceLevel: 0.8,
    targetSeconds: 20,
    shrinkage: 0.3,
    maxOccupancy: 0.85,
    patienceSeconds: 120,
    concurrency: 1,
    queueAhtSeconds: 300,
  },
  planScenarioId: '9b0e8c1d-2f3a-4b5c-8d7e-6f5a4b3c2d1e',
  forecastRunId: 'c3d2e1f0-a9b8-4c7d-8e6f-5a4b3c2d1e0f',
  forecastRunReason: 'the run of the plan scenario "Busy Valentine", which covers the period',
  accuracy: {
    days: {
      wape: 0.0812,
      bias: -0.0349,
      mase: 0.41,
      coverage: 0.8333,
      forecast: 39800.5,
      actual: 41250,
      points: 12,
    },
    intervals: {
      wape: 0.1733,
      bias: -0.0349,
      mase: null,
      coverage: 0.79,
      forecast: 39800.5,
      actual: 41250,
      points: 1152,
    },
  },
  daysWithoutActuals: [],
  totals: TOTALS_EXAMPLE,
  days: [{ date: '2026-02-14', ...TOTALS_EXAMPLE }],
  intervals: [
    {
      start: '2026-02-14T10:00:00+01:00',
      actual: 164,
      ahtSeconds: 296.4,
      ahtFromQueue: false,
      p10: 121.3,
      p50: 142.8,
      p90: 166.1,
      planForecast: 178.5,
      needed: 60,
      neededScheduled: 86,
      scheduled: 80,
      overStaffedHours: 0,
      underStaffedHours: 1.5,
      serviceLevelReached: 0.7243,
    },
  ],
};

const HINDSIGHT_EXAMPLE = {
  from: '2026-02-04',
  to: '2026-02-15',
  computedAt: '2026-02-17T03:00:12Z',
  planScenarioId: '9b0e8c1d-2f3a-4b5c-8d7e-6f5a4b3c2d1e',
  planScenarioName: 'Busy Valentine',
  totals: TOTALS_EXAMPLE,
  queues: [QUEUE_EXAMPLE],
  warnings: [],
};

const REVIEW_EXAMPLE = {
  ...HINDSIGHT_EXAMPLE,
  event: 'valentines',
  eventName: "Valentine's Day",
  year: 2026,
  eventDates: ['2026-02-14'],
  source: 'stored',
  complete: true,
};

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
    schema: {
      example: [
        {
          id: '0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a',
          event: 'valentines',
          eventName: "Valentine's Day",
          year: 2026,
          from: '2026-02-04',
          to: '2026-02-15',
          computedAt: '2026-02-17T03:00:12Z',
          queues: ['chat', 'email', 'phone'],
          totals: TOTALS_EXAMPLE,
        },
      ],
    },
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
