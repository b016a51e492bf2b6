import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  ContactReasonsReport,
  CreateDeflectionScenarioRequest,
  DeflectionScenarioResult,
} from '@peakplan/contracts';
import { Observable } from 'rxjs';

/** The reasons page's calls: the analysis of one queue and peak, and a deflection scenario from it. */
@Injectable({ providedIn: 'root' })
export class ReasonsApi {
  private readonly http = inject(HttpClient);

  report(queue: string, event: string, year: number): Observable<ContactReasonsReport> {
    return this.http.get<ContactReasonsReport>('/api/contact-reasons', {
      params: new HttpParams({ fromObject: { queue, event, year: String(year) } }),
    });
  }

  createDeflection(request: CreateDeflectionScenarioRequest): Observable<DeflectionScenarioResult> {
    return this.http.post<DeflectionScenarioResult>('/api/contact-reasons/deflection-scenarios', request);
  }
}
