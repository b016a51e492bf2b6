import type { ScenarioDto, ScenarioTotals } from './scenarios.contract';

/** One contact reason at a peak, against ordinary weeks (docs/numbers.md "Contact reasons at a peak"). */
export interface ContactReasonRow {
  /** The reason as imported; '' = contacts without a reason. */
  reason: string;
  /** Contacts of the reason in the event window. */
  peakContacts: number;
  /** Share of the window's contacts; the shares of all reasons add up to 1. */
  peakShare: number;
  /** Share of the ordinary weeks' contacts. */
  ordinaryShare: number;
  /** Contacts per day at the peak over contacts per day in ordinary weeks; null without ordinary contacts. */
  growth: number | null;
  /** The reason's part of the peak's extra contacts (over ordinary weeks' rate); all add up to 1. */
  extraShare: number;
  /** Scheduled staff hours the reason costs in the window (staffing engine, with and without it). */
  poolHours: number;
}

/** The answer's quality over some contacts; a rate is null when nothing measured it. */
export interface QualityRatesDto {
  contacts: number;
  /** Repeat contacts (customers who contacted within the queue's repeat window) / contacts. */
  repeatRate: number | null;
  transferRate: number | null;
  /** Net Promoter Score, −100 to 100. */
  nps: number | null;
  npsAnswers: number;
  /** Satisfied / responses. */
  csat: number | null;
  csatResponses: number;
}

/** Quality at the peak against ordinary weeks. */
export interface PeakQualityDto {
  peak: QualityRatesDto;
  ordinary: QualityRatesDto;
}

/** `GET /api/contact-reasons?queue=phone&event=valentines&year=2026`. */
export interface ContactReasonsReport {
  queue: string;
  event: string;
  /** The event's name, e.g. "Valentine's Day". */
  eventName: string;
  year: number;
  /** The event window, local dates inclusive. */
  from: string;
  to: string;
  /** The ordinary weeks compared with it: the 8 weeks before the window, days in any event window left out. */
  ordinaryFrom: string;
  ordinaryTo: string;
  peakDays: number;
  ordinaryDays: number;
  /** Most pool hours first. */
  reasons: ContactReasonRow[];
  /** Contacts per reason per day, a week either side of the window (for stacked bars). */
  days: { date: string; inWindow: boolean; contacts: Record<string, number> }[];
  /** Quality of the whole queue and per reason, peak against ordinary weeks. */
  quality: PeakQualityDto & { reasons: (PeakQualityDto & { reason: string })[] };
  /** The queue's repeat window: a repeat is a contact within this many days of the customer's last one. */
  repeatWindowDays: number;
  warnings: string[];
}

/** `POST /api/contact-reasons/deflection-scenarios`: a scenario that deflects a share of one reason. */
export interface CreateDeflectionScenarioRequest {
  queue: string;
  event: string;
  reason: string;
  /** Share of the reason's contacts that self-service prevents, 0 to 1. */
  share: number;
  /** Default: "Deflect 30% of order-status at Valentine's Day 2027". */
  name?: string;
}

/** The scenario made, and what the deflection changes against the same forecast without it. */
export interface DeflectionScenarioResult {
  scenario: ScenarioDto;
  /** Whether a forecast run had to be made first (none reached the event's next window). */
  forecastRunStarted: boolean;
  without: ScenarioTotals;
  with: ScenarioTotals;
  poolHoursSaved: number;
  costSaved: number;
  /**
   * Service level gained when the staff of the plan without deflection stays: the contact-weighted
   * service level of the deflected contacts with those heads, minus the one without deflection.
   */
  serviceLevelGained: number | null;
}
