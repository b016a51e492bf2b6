import { HttpClient, HttpEvent, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CreateEventRequest,
  CreateQueueRequest,
  CreateScenarioRequest,
  CreateStaffingPlanRequest,
  DailyHistoryResponse,
  EventDto,
  EventOccurrenceDto,
  ForecastIntervalDto,
  ForecastRunDetail,
  ForecastRunSummary,
  HistoryImportProgress,
  HistoryImportReport,
  QueueDto,
  ScenarioComparison,
  ScenarioDto,
  ScenarioInputsDto,
  ScenarioResult,
  StaffingPlanDto,
  StartForecastRunRequest,
  UpdateEventRequest,
  UpdateQueueRequest,
  UpdateScenarioRequest,
} from '@peakplan/contracts';
import { Observable } from 'rxjs';

import type { DateRange } from '../dates/date-range';

/** PeakPlan's REST API as the planning pages use it. */
@Injectable({ providedIn: 'root' })
export class PeakplanApi {
  private readonly http = inject(HttpClient);

  queues(includeRetired = false): Observable<QueueDto[]> {
    return this.http.get<QueueDto[]>('/api/queues', {
      params: includeRetired ? { includeRetired: 'true' } : {},
    });
  }

  createQueue(request: CreateQueueRequest): Observable<QueueDto> {
    return this.http.post<QueueDto>('/api/queues', request);
  }

  updateQueue(id: string, request: UpdateQueueRequest): Observable<QueueDto> {
    return this.http.patch<QueueDto>(`/api/queues/${encodeURIComponent(id)}`, request);
  }

  retireQueue(id: string): Observable<QueueDto> {
    return this.http.delete<QueueDto>(`/api/queues/${encodeURIComponent(id)}`);
  }

  dailyHistory(queueId: string, range: DateRange): Observable<DailyHistoryResponse> {
    return this.http.get<DailyHistoryResponse>(`/api/queues/${encodeURIComponent(queueId)}/history/daily`, {
      params: new HttpParams({ fromObject: { from: range.from, to: range.to } }),
    });
  }

  events(includeRetired = false): Observable<EventDto[]> {
    return this.http.get<EventDto[]>('/api/events', {
      params: includeRetired ? { includeRetired: 'true' } : {},
    });
  }

  createEvent(request: CreateEventRequest): Observable<EventDto> {
    return this.http.post<EventDto>('/api/events', request);
  }

  updateEvent(id: string, request: UpdateEventRequest): Observable<EventDto> {
    return this.http.patch<EventDto>(`/api/events/${encodeURIComponent(id)}`, request);
  }

  retireEvent(id: string): Observable<EventDto> {
    return this.http.delete<EventDto>(`/api/events/${encodeURIComponent(id)}`);
  }

  eventOccurrences(range: DateRange): Observable<EventOccurrenceDto[]> {
    return this.http.get<EventOccurrenceDto[]>('/api/events/occurrences', {
      params: new HttpParams({ fromObject: { from: range.from, to: range.to } }),
    });
  }

  startForecastRun(request: StartForecastRunRequest): Observable<ForecastRunSummary[]> {
    return this.http.post<ForecastRunSummary[]>('/api/forecast-runs', request);
  }

  forecastRuns(queueId?: string): Observable<ForecastRunSummary[]> {
    return this.http.get<ForecastRunSummary[]>('/api/forecast-runs', {
      params: queueId ? { queueId } : {},
    });
  }

  forecastRun(id: string): Observable<ForecastRunDetail> {
    return this.http.get<ForecastRunDetail>(`/api/forecast-runs/${encodeURIComponent(id)}`);
  }

  /** One local day's interval forecast (P10/P50/P90) of a run. */
  forecastRunIntervals(id: string, date: string): Observable<ForecastIntervalDto[]> {
    return this.http.get<ForecastIntervalDto[]>(`/api/forecast-runs/${encodeURIComponent(id)}/intervals`, {
      params: new HttpParams({ fromObject: { from: date, to: date } }),
    });
  }

  /** Uploads a history CSV; the events carry upload progress, then the report (or a refusal). */
  importHistory(file: Blob, fileName: string, importId: string): Observable<HttpEvent<HistoryImportReport>> {
    return this.http.post<HistoryImportReport>('/api/history/imports', file, {
      params: { fileName },
      headers: { 'Content-Type': 'text/csv', 'X-Import-Id': importId },
      reportProgress: true,
      observe: 'events',
    });
  }

  historyImport(importId: string): Observable<HistoryImportProgress | HistoryImportReport> {
    return this.http.get<HistoryImportProgress | HistoryImportReport>(
      `/api/history/imports/${encodeURIComponent(importId)}`,
    );
  }

  scenarios(): Observable<ScenarioDto[]> {
    return this.http.get<ScenarioDto[]>('/api/scenarios');
  }

  createScenario(request: CreateScenarioRequest): Observable<ScenarioDto> {
    return this.http.post<ScenarioDto>('/api/scenarios', request);
  }

  updateScenario(id: string, request: UpdateScenarioRequest): Observable<ScenarioDto> {
    return this.http.patch<ScenarioDto>(`/api/scenarios/${encodeURIComponent(id)}`, request);
  }

  scenarioResult(id: string): Observable<ScenarioResult> {
    return this.http.get<ScenarioResult>(`/api/scenarios/${encodeURIComponent(id)}/result`, {
      params: { intervals: 'false' },
    });
  }

  /** What the scenario is computed on, for recomputing it in the browser (a Web Worker). */
  scenarioInputs(id: string): Observable<ScenarioInputsDto> {
    return this.http.get<ScenarioInputsDto>(`/api/scenarios/${encodeURIComponent(id)}/inputs`);
  }

  compareScenarios(ids: string[]): Observable<ScenarioComparison> {
    return this.http.get<ScenarioComparison>('/api/scenarios/compare', { params: { ids: ids.join(',') } });
  }

  createStaffingPlan(request: CreateStaffingPlanRequest): Observable<StaffingPlanDto> {
    return this.http.post<StaffingPlanDto>('/api/staffing-plans', request);
  }
}
