/* The demo's past peaks, as a new manager should find them on a first start: a forecast stored before
 * each, a plan, and the post-peak review. Runs through the same services a planner's clicks do. */
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { addDays, daysBetween, type IsoDate, ZoneClock } from '@peakplan/forecasting';

import type { SessionUser } from '../auth/access.decorators';
import { epochMsSql } from '../database/local-time-sql';
import { queryOne, queryRows } from '../database/query-rows';
import { toSessionUser, type SessionUserRow } from '../auth/sessions.service';
import { loadEventDefinitions } from '../events/event-definitions.query';
import { ForecastRunsService } from '../forecast-runs/forecast-runs.service';
import { OrganisationsService } from '../organisations/organisations.service';
import { eventWindow } from '../peak-reviews/event-window';
import { PeakReviewsService, type StoredPeakReview } from '../peak-reviews/peak-reviews.service';
import { ScenariosService } from '../scenarios/scenarios.service';

/** The peaks the demo reviews, and how far ahead a planner forecasts them (the backtests' lead). */
const DEMO_REVIEWED_PEAKS = ['christmas', 'valentines', 'mothers-day'];
const LEAD_DAYS = 28;
/** Less history than this before a forecast and the demo skips that peak (too short to fit a year). */
const MIN_TRAINING_DAYS = 400;

/** A past peak the demo plans: the event, its year and window, and when its forecast was made. */
export interface PastPeak {
  event: string;
  name: string;
  year: number;
  from: IsoDate;
  to: IsoDate;
  trainingTo: IsoDate;
}

/**
 * The last ended window of each reviewed peak before `today`, oldest first, with the forecast made
 * {@link LEAD_DAYS} before its first event day; only those with enough history before that.
 *
 * @example today 2026-12-02, history from 2022-01-01, Valentine's window 4–15 Feb:
 * → Christmas 2025, Valentine's 2026 (forecast trained to 2026-01-16), Mother's Day 2026
 */
export function pastPeaks(
  events: readonly { id: string; name: string }[],
  windowOf: (eventId: string, year: number) => { dates: IsoDate[]; from: IsoDate; to: IsoDate } | null,
  historyFrom: IsoDate,
  today: IsoDate,
): PastPeak[] {
  const year = Number(today.slice(0, 4));
  const peaks: PastPeak[] = [];
  for (const event of events.filter((candidate) => DEMO_REVIEWED_PEAKS.includes(candidate.id))) {
    const window = [year, year - 1]
      .map((candidate) => ({ year: candidate, window: windowOf(event.id, candidate) }))
      .find(({ window }) => window !== null && window.to < today);
    if (!window?.window) continue;
    const trainingTo = addDays(window.window.dates[0], -LEAD_DAYS - 1);
    if (daysBetween(historyFrom, trainingTo) < MIN_TRAINING_DAYS) continue;
    peaks.push({
      event: event.id,
      name: event.name,
      year: window.year,
      from: window.window.from,
      to: window.window.to,
      trainingTo,
    });
  }
  return peaks.sort((a, b) => a.from.localeCompare(b.from));
}

/** What the caller hears while the past peaks are prepared, and how it stops them between peaks. */
export interface PastPeaksProgress {
  onPeakStarted?: (name: string) => void;
  onPeakDone?: (name: string) => void;
  onFailure?: (message: string) => void;
  cancelled?: () => boolean;
}

/** How the demo names a past peak to people, e.g. `Valentine's Day 2026`. */
export function pastPeakName(peak: PastPeak): string {
  return `${peak.name} ${peak.year}`;
}

/** The demo's past peaks before `today` that have no stored review yet. */
export async function demoPastPeaksToPrepare(
  app: INestApplicationContext,
  today: IsoDate,
): Promise<PastPeak[]> {
  const dataSource = app.get(DataSource);
  const organisation = await app.get(OrganisationsService).current();
  const events = await loadEventDefinitions(dataSource, organisation.id);
  const first = await queryOne<{ start_ms: number | null }>(
    dataSource,
    `select ${epochMsSql('min(interval_start)')} as start_ms from contact_history`,
  );
  if (!first || first.start_ms === null) return [];
  const from = new ZoneClock(organisation.timeZone).local(first.start_ms).date;
  const reviewed = await queryRows<{ event: string; year: number }>(
    dataSource,
    `select event_key as event, year from peak_review where organisation_id = $1`,
    [organisation.id],
  );
  const windowOf = (id: string, year: number) =>
    eventWindow(
      events.find((e) => e.id === id)!,
      year,
    );
  return pastPeaks(events, windowOf, from, today).filter(
    (peak) => !reviewed.some((done) => done.event === peak.event && done.year === peak.year),
  );
}

/**
 * For each past peak given: a forecast run of every queue trained up to four weeks before it, a
 * scenario over its window marked as the plan, and the post-peak review stored (as the nightly
 * accuracy job would have). The last peak's scenario stays the plan.
 */
export async function loadDemoPastPeaks(
  app: INestApplicationContext,
  today: IsoDate,
  peaks: readonly PastPeak[],
  progress: PastPeaksProgress = {},
): Promise<StoredPeakReview[]> {
  const planner = await demoPlanner(app.get(DataSource));
  const forecastRuns = app.get(ForecastRunsService);
  const scenarios = app.get(ScenariosService);
  const reviews = app.get(PeakReviewsService);
  const stored: StoredPeakReview[] = [];
  for (const peak of peaks) {
    if (progress.cancelled?.()) break;
    progress.onPeakStarted?.(pastPeakName(peak));
    const runs = await forecastRuns.start(
      { trainingTo: peak.trainingTo, horizonDays: daysBetween(peak.trainingTo, peak.to) },
      planner.email,
    );
    await forecastRuns.waitFor(runs.map((run) => run.id));
    const scenario = await scenarios.create(
      { name: pastPeakName(peak), forecastRunIds: runs.map((run) => run.id), from: peak.from, to: peak.to },
      planner,
    );
    await scenarios.markAsPlan(scenario.id, planner);
    const due = await reviews.storeDue(today);
    stored.push(...due.stored);
    for (const failure of due.failed)
      progress.onFailure?.(`review ${failure.event} ${failure.year} failed: ${failure.error}`);
    progress.onPeakDone?.(pastPeakName(peak));
  }
  return stored;
}

async function demoPlanner(dataSource: DataSource): Promise<SessionUser> {
  const [row] = await queryRows<SessionUserRow>(
    dataSource,
    `select u.id, u.email, u.name, u.roles, u.organisation_id, u.department_id, d.name as department
       from app_user u left join department d on d.id = u.department_id
      where 'planner' = any(u.roles) order by u.email limit 1`,
  );
  return toSessionUser(row);
}
