import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  DemoPastPeaksStatus,
  DepartmentBookingDto,
  DepartmentCapDto,
  HealthResponse,
  MemberPointsDto,
  PeakReviewDto,
  PeakReviewSummaryDto,
  PoolMemberDto,
  ScenarioComparison,
  ScenarioDto,
  SetDepartmentCapRequest,
} from '@peakplan/contracts';
import { map, Observable, switchMap, takeWhile, timer } from 'rxjs';

/** How often the page asks whether the demo's past peaks are ready. */
const PREPARATION_POLL_MS = 2000;

/**
 * The manager's calls: stored post-peak reviews; their department's pool members, approvals, cap and
 * bookings (the server scopes each to the manager's own department); scenarios to compare, read-only.
 */
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

  /** Recognition points of the manager's own department's members in a year (the server scopes it). */
  departmentPoints(year: number): Observable<MemberPointsDto[]> {
    return this.http.get<MemberPointsDto[]>('/api/pool/points/members', {
      params: new HttpParams({ fromObject: { year: String(year) } }),
    });
  }

  peakReview(event: string, year: number): Observable<PeakReviewDto> {
    return this.http.get<PeakReviewDto>(
      `/api/peak-reviews/${encodeURIComponent(event)}/${encodeURIComponent(String(year))}`,
      { params: new HttpParams({ fromObject: { intervals: 'true' } }) },
    );
  }

  /** Every pool member of my department, whatever their state. */
  poolMembers(): Observable<PoolMemberDto[]> {
    return this.http.get<PoolMemberDto[]>('/api/pool/members');
  }

  decide(memberId: string, decision: 'approved' | 'refused'): Observable<PoolMemberDto> {
    return this.http.post<PoolMemberDto>(`/api/pool/applicants/${encodeURIComponent(memberId)}/decision`, {
      decision,
    });
  }

  departmentCaps(): Observable<DepartmentCapDto[]> {
    return this.http.get<DepartmentCapDto[]>('/api/pool/department-caps');
  }

  setDepartmentCap(departmentId: string, request: SetDepartmentCapRequest): Observable<DepartmentCapDto> {
    return this.http.put<DepartmentCapDto>(
      `/api/pool/department-caps/${encodeURIComponent(departmentId)}`,
      request,
    );
  }

  departmentBookings(): Observable<DepartmentBookingDto[]> {
    return this.http.get<DepartmentBookingDto[]>('/api/pool/department-bookings');
  }

  scenarios(): Observable<ScenarioDto[]> {
    return this.http.get<ScenarioDto[]>('/api/scenarios');
  }

  compareScenarios(ids: string[]): Observable<ScenarioComparison> {
    return this.http.get<ScenarioComparison>('/api/scenarios/compare', { params: { ids: ids.join(',') } });
  }
}
