import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { PeakReviewDto, PeakReviewSummaryDto } from '@peakplan/contracts';
import { Observable } from 'rxjs';

/** The manager's reads: stored post-peak reviews and one review with its days and intervals. */
@Injectable({ providedIn: 'root' })
export class ManagementApi {
  private readonly http = inject(HttpClient);

  peakReviews(): Observable<PeakReviewSummaryDto[]> {
    return this.http.get<PeakReviewSummaryDto[]>('/api/peak-reviews');
  }

  peakReview(event: string, year: number): Observable<PeakReviewDto> {
    return this.http.get<PeakReviewDto>(
      `/api/peak-reviews/${encodeURIComponent(event)}/${encodeURIComponent(String(year))}`,
      { params: new HttpParams({ fromObject: { intervals: 'true' } }) },
    );
  }
}
