/**
 * A demo queue: its settings as the API shows them (the backend checks them against its QueueDto),
 * plus how its demand is generated.
 */
export interface DemoQueue {
  name: string;
  kind: 'live' | 'deferred';
  serviceLevelTarget: number;
  targetSeconds: number;
  ahtSeconds: number;
  patienceSeconds: number | null;
  concurrency: number;
  /** Contacts on an ordinary Wednesday in the first demo year. */
  baseDaily: number;
  /** Local opening hours [from, to) in hours; contacts arrive only then. */
  openFrom: number;
  openTo: number;
  /** Intraday arrival peaks: hour of the peak, spread in hours, weight. */
  intradayPeaks: { hour: number; spread: number; weight: number }[];
  /** Day-of-week factors, Sunday first. */
  weekdayFactors: number[];
  /** Whether the queue closes on Christmas Day, Boxing Day and New Year's Day. */
  closedOnHolidays: boolean;
}

export const DEMO_QUEUES: DemoQueue[] = [
  {
    name: 'phone',
    kind: 'live',
    serviceLevelTarget: 0.8,
    targetSeconds: 20,
    ahtSeconds: 300,
    patienceSeconds: 120,
    concurrency: 1,
    baseDaily: 2200,
    openFrom: 8,
    openTo: 21,
    intradayPeaks: [
      { hour: 10.5, spread: 1.4, weight: 1 },
      { hour: 14, spread: 1.6, weight: 0.8 },
      { hour: 19.5, spread: 1, weight: 0.3 },
    ],
    weekdayFactors: [0.45, 1.25, 1.1, 1, 1, 0.95, 0.6],
    closedOnHolidays: true,
  },
  {
    name: 'chat',
    kind: 'live',
    serviceLevelTarget: 0.8,
    targetSeconds: 60,
    ahtSeconds: 540,
    patienceSeconds: 180,
    concurrency: 2,
    baseDaily: 900,
    openFrom: 8,
    openTo: 23,
    intradayPeaks: [
      { hour: 11, spread: 1.6, weight: 0.6 },
      { hour: 20.5, spread: 1.5, weight: 1 },
    ],
    weekdayFactors: [0.8, 1.15, 1.05, 1, 1, 0.95, 0.75],
    closedOnHolidays: true,
  },
  {
    name: 'email',
    kind: 'deferred',
    serviceLevelTarget: 0.95,
    targetSeconds: 86400,
    ahtSeconds: 420,
    patienceSeconds: null,
    concurrency: 1,
    baseDaily: 1300,
    openFrom: 0,
    openTo: 24,
    intradayPeaks: [
      { hour: 10, spread: 2.5, weight: 1 },
      { hour: 21, spread: 2, weight: 0.7 },
    ],
    weekdayFactors: [0.9, 1.2, 1.05, 1, 1, 0.95, 0.85],
    closedOnHolidays: false,
  },
];
