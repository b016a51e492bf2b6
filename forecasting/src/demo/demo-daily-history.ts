import { addDays, type IsoDate } from '../calendar';
import type { DailyObservation } from '../forecast/daily-history';
import { generateDemoHistory, type DemoHistoryOptions } from './demo-history';

/**
 * One demo queue's offered contacts per local day, summed from the same 15-minute rows the product
 * loads (generateDemoHistory yields one local day at a time), so the command line's fixture and the
 * dashboard's demo are one organisation. Days the queue is closed give 0.
 */
export function demoDailyHistory(options: DemoHistoryOptions & { queue: string }): DailyObservation[] {
  const days: DailyObservation[] = [];
  let date: IsoDate = options.from;
  for (const rows of generateDemoHistory(options)) {
    let offered = 0;
    for (const row of rows) if (row.queueName === options.queue) offered += row.offered;
    days.push({ date, offered });
    date = addDays(date, 1);
  }
  return days;
}
