/** One contact reason's contacts in the event window and in the ordinary days compared with it. */
export interface ReasonCounts {
  reason: string;
  peakContacts: number;
  ordinaryContacts: number;
}

/** What a reason does at a peak (docs/numbers.md "Contact reasons at a peak"). */
export interface ReasonAnalysisRow {
  reason: string;
  peakContacts: number;
  /** Share of the window's contacts: `P_r / ΣP`. The shares of all reasons add up to 1. */
  peakShare: number;
  /** Share of the ordinary days' contacts: `O_r / ΣO`. */
  ordinaryShare: number;
  /** Contacts per day at the peak over contacts per day in ordinary weeks; null without ordinary contacts. */
  growth: number | null;
  /**
   * The reason's part of the peak's extra contacts: `(P_r − O_r·n_p/n_o) / Σ(P − O·n_p/n_o)`; adds up to
   * 1 over the reasons (negative for a reason that shrinks at the peak); 0 when the peak has no extra.
   */
  extraShare: number;
}

/**
 * Each reason's size and growth at a peak against ordinary weeks. `peakDays` (n_p) and `ordinaryDays`
 * (n_o) turn the totals into rates per day. Rows come back in the order given (the caller ranks them).
 *
 * @example
 * analyseReasons([{ reason: 'order-status', peakContacts: 60, ordinaryContacts: 40 },
 *                 { reason: 'other', peakContacts: 40, ordinaryContacts: 60 }], 5, 10)
 * // order-status: peakShare 0.6, ordinaryShare 0.4, growth 3, extraShare 0.8
 * // other:        peakShare 0.4, ordinaryShare 0.6, growth 4/3, extraShare 0.2
 */
export function analyseReasons(
  counts: readonly ReasonCounts[],
  peakDays: number,
  ordinaryDays: number,
): ReasonAnalysisRow[] {
  if (!Number.isInteger(peakDays) || peakDays < 1)
    throw new RangeError(`peakDays must be a whole number ≥ 1, got ${peakDays}`);
  if (!Number.isInteger(ordinaryDays) || ordinaryDays < 1)
    throw new RangeError(`ordinaryDays must be a whole number ≥ 1, got ${ordinaryDays}`);
  counts.forEach((count, index) => {
    for (const field of ['peakContacts', 'ordinaryContacts'] as const)
      if (!Number.isFinite(count[field]) || count[field] < 0)
        throw new RangeError(`counts[${index}].${field} must be a number ≥ 0, got ${count[field]}`);
  });
  const peakTotal = counts.reduce((sum, count) => sum + count.peakContacts, 0);
  const ordinaryTotal = counts.reduce((sum, count) => sum + count.ordinaryContacts, 0);
  const scale = peakDays / ordinaryDays;
  const extras = counts.map((count) => count.peakContacts - count.ordinaryContacts * scale);
  const extraTotal = extras.reduce((sum, extra) => sum + extra, 0);
  return counts.map((count, index) => ({
    reason: count.reason,
    peakContacts: count.peakContacts,
    peakShare: peakTotal > 0 ? count.peakContacts / peakTotal : 0,
    ordinaryShare: ordinaryTotal > 0 ? count.ordinaryContacts / ordinaryTotal : 0,
    growth:
      count.ordinaryContacts > 0
        ? count.peakContacts / peakDays / (count.ordinaryContacts / ordinaryDays)
        : null,
    extraShare: extraTotal > 0 ? extras[index] / extraTotal : 0,
  }));
}
