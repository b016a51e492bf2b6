import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  DemoPastPeaksStatus,
  HealthResponse,
  PeakReviewDto,
  PeakReviewSummaryDto,
} from '@peakplan/contracts';
import { map, Observable, switchMap, takeWhile, timer } from 'rxjs';

/** How often the page asks whether the demo's past peaks are ready. */
const PREPARATION_POLL_MS = 2000;

/** The manager's reads: stored post-peak reviews and one review with its days and intervals. */
@Injectable({ providedIn: 'root' })
export class ManagementApi {
  private readonly http = inject(HttpClient);

  peakReviews(): Observable<PeakReviewSummaryDto[]> {
    return this.http.get<PeakReviewSummaryDto[]>('/api/peak-reviews');
  }

  /**
   * While a first start still prepares the demo's past peaks: their progress, polled until they are
   * ready (the last value); one `null` when nothing is being prepared.
   */
  demoPreparation(): Observable<DemoPastPeaksStatus | null> {
    return timer(0, PREPARATION_POLL_MS).pipe(
      switchMap(() => this.http.get<HealthResponse>('/api/health')),
      map((health) => health.demo?.pastPeaks ?? null),
      takeWhile((status) => status?.state === 'preparing', true),
    );
  }

  peakReview(event: string, year: number): Observable<PeakReviewDto> {
    return this.http.get<PeakReviewDto>(
      `/api/peak-reviews/${encodeURIComponent(event)}/${encodeURIComponent(String(year))}`,
      { params: new HttpParams({ fromObject: { intervals: 'true' } }) },
    );
  }
}
