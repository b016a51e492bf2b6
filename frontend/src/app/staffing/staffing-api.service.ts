import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CreateStaffingPlanRequest,
  PlanCoverageDto,
  PlanRosterDto,
  PoolShiftDto,
  PublishPlanRequest,
  ScenarioDto,
  SignUpWindowDto,
  SignUpWindowRequest,
  StaffingPlanDto,
  StaffingPlanSummaryDto,
} from '@peakplan/contracts';
import { Observable } from 'rxjs';

/** The planner's side of staffing plans: plans, publishing, coverage, sign-up window, roster. */
@Injectable({ providedIn: 'root' })
export class StaffingApi {
  private readonly http = inject(HttpClient);

  scenarios(): Observable<ScenarioDto[]> {
    return this.http.get<ScenarioDto[]>('/api/scenarios');
  }

  plans(): Observable<StaffingPlanSummaryDto[]> {
    return this.http.get<StaffingPlanSummaryDto[]>('/api/staffing-plans');
  }

  plan(id: string): Observable<StaffingPlanDto> {
    return this.http.get<StaffingPlanDto>(`/api/staffing-plans/${encodeURIComponent(id)}`);
  }

  /** Runs the shift plan: the server queues the solve as a job and answers when it is done. */
  createPlan(request: CreateStaffingPlanRequest): Observable<StaffingPlanDto> {
    return this.http.post<StaffingPlanDto>('/api/staffing-plans', request);
  }

  publish(id: string, request: PublishPlanRequest = {}): Observable<PoolShiftDto[]> {
    return this.http.post<PoolShiftDto[]>(`/api/staffing-plans/${encodeURIComponent(id)}/publish`, request);
  }

  coverage(id: string): Observable<PlanCoverageDto> {
    return this.http.get<PlanCoverageDto>(`/api/staffing-plans/${encodeURIComponent(id)}/coverage`);
  }

  signUpWindow(id: string, request: SignUpWindowRequest): Observable<SignUpWindowDto> {
    return this.http.put<SignUpWindowDto>(
      `/api/staffing-plans/${encodeURIComponent(id)}/sign-up-window`,
      request,
    );
  }

  roster(id: string): Observable<PlanRosterDto> {
    return this.http.get<PlanRosterDto>(`/api/staffing-plans/${encodeURIComponent(id)}/roster`);
  }

  /** The plan's published shifts (for their sign-up windows); planners see every shift. */
  planShifts(): Observable<PoolShiftDto[]> {
    return this.http.get<PoolShiftDto[]>('/api/pool/shifts');
  }

  /** Where the browser downloads the roster CSV (the session cookie goes along). */
  rosterCsvUrl(id: string): string {
    return `/api/staffing-plans/${encodeURIComponent(id)}/roster.csv`;
  }
}
