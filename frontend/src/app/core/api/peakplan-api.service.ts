import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { DailyHistoryResponse, EventOccurrenceDto, QueueDto } from '@peakplan/contracts';
import { Observable } from 'rxjs';

import type { DateRange } from '../dates/date-range';

/** The read side of PeakPlan's REST API the planning pages use. */
@Injectable({ providedIn: 'root' })
export class PeakplanApi {
  private readonly http = inject(HttpClient);

  queues(): Observable<QueueDto[]> {
    return this.http.get<QueueDto[]>('/api/queues');
  }

  dailyHistory(queueId: string, range: DateRange): Observable<DailyHistoryResponse> {
    return this.http.get<DailyHistoryResponse>(`/api/queues/${encodeURIComponent(queueId)}/history/daily`, {
      params: new HttpParams({ fromObject: { from: range.from, to: range.to } }),
    });
  }

  eventOccurrences(range: DateRange): Observable<EventOccurrenceDto[]> {
    return this.http.get<EventOccurrenceDto[]>('/api/events/occurrences', {
      params: new HttpParams({ fromObject: { from: range.from, to: range.to } }),
    });
  }
}
