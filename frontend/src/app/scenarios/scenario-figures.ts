import type { ScenarioResult, ScenarioTotals } from '@peakplan/contracts';

/**
 * Figures of a scenario result as the page shows them. Pure, so its spec runs under plain jest.
 *
 * Per interval the computation takes pool gap = max(0, scheduled − core) (forecasting's computeScenario), so
 * scheduled = core used + pool gap, where core used = min(core, scheduled); core staff present beyond
 * what is scheduled is surplus. Summed over intervals the same holds for the hours.
 */
export interface ReconciledHours {
  scheduledHours: number;
  coreHours: number;
  coreUsedHours: number;
  coreSurplusHours: number;
  poolHours: number;
}

export function reconcileHours(
  totals: Pick<ScenarioTotals, 'scheduledHours' | 'coreHours' | 'poolHours'>,
): ReconciledHours {
  const coreUsedHours = totals.scheduledHours - totals.poolHours;
  return {
    scheduledHours: totals.scheduledHours,
    coreHours: totals.coreHours,
    coreUsedHours,
    coreSurplusHours: Math.max(0, totals.coreHours - coreUsedHours),
    poolHours: totals.poolHours,
  };
}

export interface DayBarsData {
  title: string;
  dates: string[];
  coreUsedHours: number[];
  poolHours: number[];
  requiredHours: number[];
}

/** Per day: core used and pool gap stacked (together the scheduled hours), required hours beside them. */
export function toDayBarsData(result: Pick<ScenarioResult, 'name' | 'days'>): DayBarsData {
  const days = [...result.days].sort((a, b) => (a.date < b.date ? -1 : 1));
  return {
    title: `${result.name}: agent hours per day`,
    dates: days.map((day) => day.date),
    coreUsedHours: days.map((day) => reconcileHours(day).coreUsedHours),
    poolHours: days.map((day) => day.poolHours),
    requiredHours: days.map((day) => day.requiredHours),
  };
}

/** Whether the scenario has no core staff at all: then every scheduled hour lands on the pool. */
export function hasNoCoreStaff(result: Pick<ScenarioResult, 'totals'>): boolean {
  return result.totals.coreHours === 0 && result.totals.scheduledHours > 0;
}

export type ComparedFigure =
  | 'contacts'
  | 'scheduledHours'
  | 'coreHours'
  | 'poolHours'
  | 'cost'
  | 'serviceLevelWithoutPool'
  | 'serviceLevelWithPool'
  | 'intervalsWithGap';

export interface ComparisonRow {
  figure: ComparedFigure;
  label: string;
  kind: 'number' | 'hours' | 'money' | 'share';
  values: (number | null)[];
  /** Each scenario minus the first; null for the first or where a value is missing. */
  differences: (number | null)[];
}

const COMPARED: { figure: ComparedFigure; label: string; kind: ComparisonRow['kind'] }[] = [
  { figure: 'contacts', label: 'Contacts', kind: 'number' },
  { figure: 'scheduledHours', label: 'Scheduled hours', kind: 'hours' },
  { figure: 'coreHours', label: 'Core staff hours', kind: 'hours' },
  { figure: 'poolHours', label: 'Pool gap hours', kind: 'hours' },
  { figure: 'cost', label: 'Cost', kind: 'money' },
  { figure: 'serviceLevelWithoutPool', label: 'Service level without pool', kind: 'share' },
  { figure: 'serviceLevelWithPool', label: 'Service level with pool', kind: 'share' },
  { figure: 'intervalsWithGap', label: 'Intervals with a gap', kind: 'number' },
];

/**
 * A value at the precision the table shows it (whole hours, contacts and euros; shares to a tenth of a
 * percent), so that a difference is the difference of the numbers the reader sees: 10,581 − 30,825 reads
 * −20,244, not the −20,245 of the unrounded hours.
 */
function asShown(value: number, kind: ComparisonRow['kind']): number {
  return kind === 'share' ? Math.round(value * 1000) / 1000 : Math.round(value);
}

/** The totals of two or more scenarios side by side, each with its difference from the first as shown. */
export function comparisonRows(results: readonly Pick<ScenarioResult, 'totals'>[]): ComparisonRow[] {
  return COMPARED.map(({ figure, label, kind }) => {
    const values = results.map((result) => result.totals[figure]);
    const base = values[0];
    return {
      figure,
      label,
      kind,
      values,
      differences: values.map((value, index) =>
        index === 0 || value === null || base === null || base === undefined
          ? null
          : asShown(value, kind) - asShown(base, kind),
      ),
    };
  });
}
