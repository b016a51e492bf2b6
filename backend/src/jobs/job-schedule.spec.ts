import { dueJobs } from './job-schedule';

const NIGHT = [
  { job: 'nightly-refit', at: '02:30' },
  { job: 'accuracy-snapshot', at: '04:00' },
] as const;
const at = (iso: string) => Date.parse(iso);

describe('dueJobs: the organisation’s wall clock decides when the nightly jobs run', () => {
  it('runs at local time, whatever the zone', () => {
    // Amsterdam in winter is UTC+1: 02:30 local is 01:30 UTC.
    expect(dueJobs(at('2026-12-02T01:29:00Z'), 'Europe/Amsterdam', NIGHT)).toEqual([]);
    expect(dueJobs(at('2026-12-02T01:30:00Z'), 'Europe/Amsterdam', NIGHT)).toEqual([
      { job: 'nightly-refit', date: '2026-12-02' },
    ]);
    // New York in winter is UTC−5: 02:30 local is 07:30 UTC; at 01:30 UTC it is still the evening before.
    expect(dueJobs(at('2026-12-02T01:30:00Z'), 'America/New_York', NIGHT)).toEqual([]);
    expect(dueJobs(at('2026-12-02T07:30:00Z'), 'America/New_York', NIGHT)).toEqual([
      { job: 'nightly-refit', date: '2026-12-02' },
    ]);
  });

  it('runs for the local date, not the UTC one', () => {
    // Auckland (UTC+13 in December): 04:10 local on 3 December is 15:10 UTC on 2 December.
    expect(dueJobs(at('2026-12-02T15:10:00Z'), 'Pacific/Auckland', NIGHT)).toEqual([
      { job: 'nightly-refit', date: '2026-12-03' },
      { job: 'accuracy-snapshot', date: '2026-12-03' },
    ]);
  });

  it('still runs on the spring-forward night, when 02:30 does not exist', () => {
    // 28 March 2027, Europe/Amsterdam: 02:00 CET jumps to 03:00 CEST (01:00 UTC). The first minute
    // after the jump is 30 minutes past the job's local time, inside the catch-up window.
    expect(dueJobs(at('2027-03-28T00:59:00Z'), 'Europe/Amsterdam', NIGHT)).toEqual([]);
    expect(dueJobs(at('2027-03-28T01:00:00Z'), 'Europe/Amsterdam', NIGHT)).toEqual([
      { job: 'nightly-refit', date: '2027-03-28' },
    ]);
  });

  it('does not start the night’s work in the middle of the day', () => {
    // 180 minutes after 02:30 is 05:30: the refit is no longer due, the snapshot (04:00) still is until 07:00.
    expect(dueJobs(at('2026-12-02T04:29:00Z'), 'Europe/Amsterdam', NIGHT).map((due) => due.job)).toEqual([
      'nightly-refit',
      'accuracy-snapshot',
    ]);
    expect(dueJobs(at('2026-12-02T04:30:00Z'), 'Europe/Amsterdam', NIGHT).map((due) => due.job)).toEqual([
      'accuracy-snapshot',
    ]);
    expect(dueJobs(at('2026-12-02T13:00:00Z'), 'Europe/Amsterdam', NIGHT)).toEqual([]);
  });
});
