import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AllocationDto,
  AllocationPin,
  AllocationStartedDto,
  PoolMemberDto,
  PoolShiftDto,
} from '@peakplan/contracts';
import { map, Observable, switchMap, takeWhile, timer } from 'rxjs';

/** How often the page asks whether a run has finished. */
const RUN_POLL_MS = 1500;

/** The planner's roster by preference: shifts to allocate, runs, pins, publishing. */
@Injectable({ providedIn: 'root' })
export class RosterApi {
  private readonly http = inject(HttpClient);

  /** Pool shifts allocated by preference, not cancelled, soonest first. */
  preferenceShifts(): Observable<PoolShiftDto[]> {
    return this.http
      .get<PoolShiftDto[]>('/api/pool/shifts')
      .pipe(
        map((shifts) =>
          shifts
            .filter((shift) => shift.allocation === 'preference' && shift.status !== 'cancelled')
            .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id)),
        ),
      );
  }

  /** Member names for the assignments (the runs carry ids only). */
  members(): Observable<PoolMemberDto[]> {
    return this.http.get<PoolMemberDto[]>('/api/pool/members');
  }

  start(shiftIds: string[]): Observable<AllocationStartedDto> {
    return this.http.post<AllocationStartedDto>('/api/pool/allocations', { shiftIds });
  }

  allocation(id: string): Observable<AllocationDto> {
    return this.http.get<AllocationDto>(`/api/pool/allocations/${encodeURIComponent(id)}`);
  }

  /** The run, polled until it is no longer running (the last value is done or failed). */
  watch(id: string): Observable<AllocationDto> {
    return timer(0, RUN_POLL_MS).pipe(
      switchMap(() => this.allocation(id)),
      takeWhile((run) => run.status === 'running', true),
    );
  }

  /** The whole pin list: starts a re-run from this run (the same pins again answer the same re-run). */
  setPins(id: string, pins: AllocationPin[]): Observable<AllocationStartedDto> {
    return this.http.put<AllocationStartedDto>(`/api/pool/allocations/${encodeURIComponent(id)}/pins`, {
      pins,
    });
  }

  publish(id: string): Observable<AllocationDto> {
    return this.http.post<AllocationDto>(`/api/pool/allocations/${encodeURIComponent(id)}/publish`, null);
  }
}
