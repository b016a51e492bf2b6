/* The demo's contact reasons and the answer's quality, per day of the phone queue: a card and gift
 * retailer's mix whose shares shift at the peaks (order-status and delivery questions swell before
 * Valentine's and Mother's Day, complaints after Christmas), with repeats rising and satisfaction
 * dipping when the peak strains the service. Written as day rows of contact_reason_daily (≈ 7 rows a
 * day, ~12,000 for four years) rather than as reason rows of every 15-minute interval, which would
 * multiply the phone queue's ~95,000 interval rows by seven and slow the first start. */
import { daysBetween, type IsoDate, mulberry32, standardNormal } from '@peakplan/forecasting';
import type { EntityManager } from 'typeorm';

import { dayShape, demoPeakYears, type DemoPeakYear } from '@peakplan/forecasting/demo';
import { queryRows } from '../database/query-rows';

/** One reason's contacts and quality counts on one day. */
export interface DemoReasonDay {
  date: IsoDate;
  reason: string;
  offered: number;
  repeatContacts: number;
  transferred: number;
  npsPromoters: number;
  npsPassives: number;
  npsDetractors: number;
}

interface DemoReason {
  key: string;
  /** Share on an ordinary day. */
  share: number;
  /** Extra weight per unit of a pre-event build-up (day factor − 1). */
  buildUp: number;
  /** Weight multiplier in the fortnight after Christmas. */
  afterChristmas: number;
  repeatRate: number;
  transferRate: number;
  /** Promoters and detractors among the answers on an ordinary day. */
  promoters: number;
  detractors: number;
}

/** The demo retailer's reasons, commonest first. */
export const DEMO_REASONS: readonly DemoReason[] = [
  {
    key: 'order-status',
    share: 0.22,
    buildUp: 1.3,
    afterChristmas: 1.3,
    repeatRate: 0.16,
    transferRate: 0.03,
    promoters: 0.5,
    detractors: 0.18,
  },
  {
    key: 'delivery-date',
    share: 0.14,
    buildUp: 1.1,
    afterChristmas: 0.8,
    repeatRate: 0.12,
    transferRate: 0.03,
    promoters: 0.55,
    detractors: 0.14,
  },
  {
    key: 'change-order',
    share: 0.15,
    buildUp: 0.35,
    afterChristmas: 0.7,
    repeatRate: 0.1,
    transferRate: 0.05,
    promoters: 0.58,
    detractors: 0.12,
  },
  {
    key: 'personalisation',
    share: 0.13,
    buildUp: 0.25,
    afterChristmas: 0.6,
    repeatRate: 0.09,
    transferRate: 0.08,
    promoters: 0.6,
    detractors: 0.1,
  },
  {
    key: 'payment',
    share: 0.11,
    buildUp: 0,
    afterChristmas: 1.2,
    repeatRate: 0.11,
    transferRate: 0.14,
    promoters: 0.48,
    detractors: 0.16,
  },
  {
    key: 'complaint',
    share: 0.08,
    buildUp: 0.1,
    afterChristmas: 2.6,
    repeatRate: 0.24,
    transferRate: 0.18,
    promoters: 0.22,
    detractors: 0.45,
  },
  {
    key: 'other',
    share: 0.17,
    buildUp: 0,
    afterChristmas: 1,
    repeatRate: 0.08,
    transferRate: 0.06,
    promoters: 0.55,
    detractors: 0.13,
  },
];

/** Share of contacts that answer the NPS question after the call. */
const NPS_RESPONSE_RATE = 0.08;

/** Whole counts that add up to `total` in proportion to `weights` (largest remainder). */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((weight) => (total * weight) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((value, index) => ({ index, rest: value - Math.floor(value) }));
  order.sort((a, b) => b.rest - a.rest || a.index - b.index);
  for (const { index } of order) {
    if (left <= 0) break;
    counts[index]++;
    left--;
  }
  return counts;
}

/**
 * Splits each day's contacts over the demo reasons and adds quality counts. Pure and seeded: the same
 * days and seed give the same rows; each day's reasons add up to its total exactly.
 */
export function demoReasonDays(
  days: readonly { date: IsoDate; offered: number }[],
  seed: number,
): DemoReasonDay[] {
  if (days.length === 0) return [];
  const random = mulberry32(seed ^ 0x5eed);
  const peakYears = demoPeakYears(
    Number(days[0].date.slice(0, 4)),
    Number(days.at(-1)!.date.slice(0, 4)),
    seed,
  );
  const rows: DemoReasonDay[] = [];
  for (const day of days) {
    const year = Number(day.date.slice(0, 4));
    const peaks = peakYears.get(year)!;
    const strain = Math.max(0, dayShape(day.date, peaks).factor - 1);
    const buildUp = isBuildUp(day.date, peaks) ? strain : 0;
    const sinceChristmas = daysBetween(`${year - (day.date.slice(5) < '02-01' ? 1 : 0)}-12-25`, day.date);
    const afterChristmas = sinceChristmas >= 2 && sinceChristmas <= 16;
    const weights = DEMO_REASONS.map(
      (reason) =>
        reason.share *
        (1 + reason.buildUp * buildUp) *
        (afterChristmas ? reason.afterChristmas : 1) *
        Math.exp(0.05 * standardNormal(random)),
    );
    const counts = apportion(day.offered, weights);
    DEMO_REASONS.forEach((reason, index) => {
      const offered = counts[index];
      // Strain (day factor − 1, up to ~2 at the top of Valentine's) raises repeats and transfers and
      // turns promoters into detractors.
      const repeatRate = Math.min(0.45, reason.repeatRate * (1 + 0.35 * strain));
      const transferRate = Math.min(0.4, reason.transferRate * (1 + 0.2 * strain));
      const answers = Math.round(offered * NPS_RESPONSE_RATE);
      const promoterShare = Math.max(0.05, reason.promoters - 0.07 * strain);
      const detractorShare = Math.min(0.8, reason.detractors + 0.06 * strain);
      const [npsPromoters, npsPassives, npsDetractors] = apportion(answers, [
        promoterShare,
        Math.max(0, 1 - promoterShare - detractorShare),
        detractorShare,
      ]);
      rows.push({
        date: day.date,
        reason: reason.key,
        offered,
        repeatContacts: Math.round(offered * repeatRate),
        transferred: Math.round(offered * transferRate),
        npsPromoters,
        npsPassives,
        npsDetractors,
      });
    });
  }
  return rows;
}

/** The days before Valentine's and Mother's Day (orders on their way): where order questions swell. */
function isBuildUp(date: IsoDate, peaks: DemoPeakYear): boolean {
  const toValentines = daysBetween(date, peaks.valentines);
  const toMothersDay = daysBetween(date, peaks.mothersDay);
  const toChristmas = daysBetween(date, peaks.christmas);
  return (
    (toValentines >= 0 && toValentines <= 10) ||
    (toMothersDay >= 0 && toMothersDay <= 7) ||
    (toChristmas >= 3 && toChristmas <= 24)
  );
}

const REASON_QUEUE = 'phone';
const INSERT_BATCH = 8000;

/**
 * The phone queue's reason days, split from its daily totals (contact_history_daily, filled just
 * before): one insert per 8,000 rows, ~12,000 rows for four years.
 */
export async function insertDemoReasons(
  manager: EntityManager,
  queueIds: Map<string, string>,
  seed: number,
): Promise<number> {
  const queueId = queueIds.get(REASON_QUEUE);
  if (!queueId) return 0;
  const days = await queryRows<{ date: IsoDate; offered: string }>(
    manager,
    `select to_char(local_date, 'YYYY-MM-DD') as date, offered from contact_history_daily
      where queue_id = $1 order by local_date`,
    [queueId],
  );
  const rows = demoReasonDays(
    days.map((day) => ({ date: day.date, offered: Number(day.offered) })),
    seed,
  );
  for (let first = 0; first < rows.length; first += INSERT_BATCH) {
    const batch = rows.slice(first, first + INSERT_BATCH);
    await manager.query(
      `insert into contact_reason_daily (queue_id, local_date, reason, offered, repeat_contacts, transferred,
                                         nps_promoters, nps_passives, nps_detractors)
       select $1, d, r, o, rc, t, p, pa, de
         from unnest($2::date[], $3::text[], $4::int[], $5::int[], $6::int[], $7::int[], $8::int[], $9::int[])
           as x(d, r, o, rc, t, p, pa, de)`,
      [
        queueId,
        batch.map((row) => row.date),
        batch.map((row) => row.reason),
        batch.map((row) => row.offered),
        batch.map((row) => row.repeatContacts),
        batch.map((row) => row.transferred),
        batch.map((row) => row.npsPromoters),
        batch.map((row) => row.npsPassives),
        batch.map((row) => row.npsDetractors),
      ],
    );
  }
  return rows.length;
}
