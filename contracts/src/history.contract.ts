/** One day of contact history for a queue, summed over its intervals. */
export interface DailyHistoryPoint {
  date: string; // YYYY-MM-DD in the organisation's time zone
  offered: number;
  handled: number;
  abandoned: number;
}

export interface DailyHistoryResponse {
  queueId: string;
  queueName: string;
  timeZone: string;
  from: string;
  to: string;
  days: DailyHistoryPoint[];
}
