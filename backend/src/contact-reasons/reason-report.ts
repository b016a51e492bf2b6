/* The reason analysis of one queue and peak from its reason days, pure: which reasons grow at the
 * peak, their part of the extra contacts, and the answer's quality at the peak against ordinary weeks.
 * Pool hours come from the staffing engine in the service; this ranks nothing. */
import {
  addDays,
  analyseReasons,
  type IsoDate,
  qualityRates,
  type QualityRates,
  type ReasonAnalysisRow,
} from '@peakplan/forecasting';

import type { ContactReasonsReport, QualityRatesDto } from '@peakplan/contracts';

import { daysNamingReasons, type ReasonDay } from '../history/reason-day-counts.query';

/** Weeks of ordinary days before the window that the peak is compared with. */
export const ORDINARY_WEEKS = 8;
/** Days shown either side of the window in the stacked bars. */
export const CONTEXT_DAYS = 7;

export interface ReasonPeriods {
  from: IsoDate;
  to: IsoDate;
  ordinaryFrom: IsoDate;
  ordinaryTo: IsoDate;
  /** Whether a day lies in any event's window (never ordinary). */
  inAnyWindow: (date: IsoDate) => boolean;
}

export interface ReasonReportParts {
  rows: ReasonAnalysisRow[];
  peakDays: number;
  ordinaryDays: number;
  /** Per window day, each reason's share of the day (for the staffing engine). */
  windowShares: Map<IsoDate, Record<string, number>>;
  days: ContactReasonsReport['days'];
  quality: ContactReasonsReport['quality'];
}

function rates(rows: readonly ReasonDay[]): QualityRatesDto {
  const result: QualityRates = qualityRates(rows);
  return { ...result };
}

export function reasonReportParts(all: readonly ReasonDay[], periods: ReasonPeriods): ReasonReportParts {
  const inWindow = (date: IsoDate) => date >= periods.from && date <= periods.to;
  const isOrdinary = (date: IsoDate) =>
    date >= periods.ordinaryFrom && date <= periods.ordinaryTo && !periods.inAnyWindow(date);
  const named = daysNamingReasons(all);
  const peak = named.filter((day) => inWindow(day.date));
  const ordinary = named.filter((day) => isOrdinary(day.date));
  const reasons = [...new Set(named.map((day) => day.reason))].sort();
  const sumOf = (days: readonly ReasonDay[], reason: string) =>
    days.filter((day) => day.reason === reason).reduce((sum, day) => sum + day.offered, 0);
  const peakDays = new Set(peak.map((day) => day.date)).size;
  const ordinaryDays = new Set(ordinary.map((day) => day.date)).size;
  const rows =
    peakDays > 0
      ? analyseReasons(
          reasons.map((reason) => ({
            reason,
            peakContacts: sumOf(peak, reason),
            ordinaryContacts: sumOf(ordinary, reason),
          })),
          peakDays,
          Math.max(1, ordinaryDays),
        )
      : [];
  const windowShares = new Map<IsoDate, Record<string, number>>();
  for (const day of peak) {
    const shares = windowShares.get(day.date) ?? {};
    shares[day.reason] = (shares[day.reason] ?? 0) + day.offered;
    windowShares.set(day.date, shares);
  }
  for (const shares of windowShares.values()) {
    const total = Object.values(shares).reduce((sum, value) => sum + value, 0);
    for (const reason of Object.keys(shares)) shares[reason] = total > 0 ? shares[reason] / total : 0;
  }
  const days: ContactReasonsReport['days'] = [];
  for (
    let date = addDays(periods.from, -CONTEXT_DAYS);
    date <= addDays(periods.to, CONTEXT_DAYS);
    date = addDays(date, 1)
  ) {
    const contacts: Record<string, number> = {};
    for (const day of named)
      if (day.date === date) contacts[day.reason] = (contacts[day.reason] ?? 0) + day.offered;
    days.push({ date, inWindow: inWindow(date), contacts });
  }
  // Quality reads every stored day (a day may measure repeats without naming reasons).
  const peakAll = all.filter((day) => inWindow(day.date));
  const ordinaryAll = all.filter((day) => isOrdinary(day.date));
  const quality: ContactReasonsReport['quality'] = {
    peak: rates(peakAll),
    ordinary: rates(ordinaryAll),
    reasons: reasons.map((reason) => ({
      reason,
      peak: rates(peakAll.filter((day) => day.reason === reason)),
      ordinary: rates(ordinaryAll.filter((day) => day.reason === reason)),
    })),
  };
  return { rows, peakDays, ordinaryDays, windowShares, days, quality };
}
