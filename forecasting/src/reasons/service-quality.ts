/** Quality counts of some contacts; a null count was not measured for them. */
export interface QualityCounts {
  offered: number;
  repeatContacts: number | null;
  transferred: number | null;
  npsPromoters: number | null;
  npsPassives: number | null;
  npsDetractors: number | null;
  csatResponses: number | null;
  csatSatisfied: number | null;
}

/** The answer's quality over a set of rows (docs/numbers.md "Service quality"); null when unmeasured. */
export interface QualityRates {
  contacts: number;
  /** Repeat contacts / contacts, over the rows that measured repeats. */
  repeatRate: number | null;
  /** Transferred / contacts, over the rows that measured transfers. */
  transferRate: number | null;
  /** Net Promoter Score, −100 to 100: `100 · (promoters − detractors) / answers`. */
  nps: number | null;
  npsAnswers: number;
  /** CSAT: satisfied / responses. */
  csat: number | null;
  csatResponses: number;
}

/**
 * Sums the rows and turns them into rates. Each rate uses only the rows that measured it, so a month
 * imported without a `repeat` column does not dilute the repeat rate.
 *
 * @example
 * qualityRates([{ offered: 100, repeatContacts: 12, transferred: null, npsPromoters: 5, npsPassives: 3,
 *   npsDetractors: 2, csatResponses: null, csatSatisfied: null }])
 * // { contacts: 100, repeatRate: 0.12, transferRate: null, nps: 30, npsAnswers: 10, csat: null, csatResponses: 0 }
 */
export function qualityRates(rows: readonly QualityCounts[]): QualityRates {
  let contacts = 0;
  let repeatBase = 0;
  let repeats = 0;
  let transferBase = 0;
  let transfers = 0;
  let promoters = 0;
  let detractors = 0;
  let npsAnswers = 0;
  let csatResponses = 0;
  let csatSatisfied = 0;
  for (const row of rows) {
    contacts += row.offered;
    if (row.repeatContacts !== null) {
      repeatBase += row.offered;
      repeats += row.repeatContacts;
    }
    if (row.transferred !== null) {
      transferBase += row.offered;
      transfers += row.transferred;
    }
    promoters += row.npsPromoters ?? 0;
    detractors += row.npsDetractors ?? 0;
    npsAnswers += (row.npsPromoters ?? 0) + (row.npsPassives ?? 0) + (row.npsDetractors ?? 0);
    csatResponses += row.csatResponses ?? 0;
    csatSatisfied += row.csatSatisfied ?? 0;
  }
  return {
    contacts,
    repeatRate: repeatBase > 0 ? repeats / repeatBase : null,
    transferRate: transferBase > 0 ? transfers / transferBase : null,
    nps: npsAnswers > 0 ? (100 * (promoters - detractors)) / npsAnswers : null,
    npsAnswers,
    csat: csatResponses > 0 ? csatSatisfied / csatResponses : null,
    csatResponses,
  };
}
