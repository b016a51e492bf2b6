import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  PreferenceDto,
  SetPreferenceRequest,
  CalendarFeedDto,
  MyScheduleEntryDto,
  PoolMemberDto,
  PoolShiftDto,
  SignUpResponse,
  WithdrawResponse,
} from '@peakplan/contracts';
import { Observable } from 'rxjs';

/** The pool API as a member uses it: open shifts that fit them, sign-up, schedule, calendar feed. */
@Injectable({ providedIn: 'root' })
export class PoolApi {
  private readonly http = inject(HttpClient);

  me(): Observable<PoolMemberDto> {
    return this.http.get<PoolMemberDto>('/api/pool/me');
  }

  join(): Observable<PoolMemberDto> {
    return this.http.post<PoolMemberDto>('/api/pool/me/join', {});
  }

  /** For a pool member: the open shifts that fit them, each with their own sign-up or the rule in the way. */
  openShifts(): Observable<PoolShiftDto[]> {
    return this.http.get<PoolShiftDto[]>('/api/pool/shifts');
  }

  signUp(shiftId: string): Observable<SignUpResponse> {
    return this.http.post<SignUpResponse>(`/api/pool/shifts/${encodeURIComponent(shiftId)}/sign-ups`, {});
  }

  /** Marks a preference shift want (with an optional rank) or can; `none` takes the request away. */
  setPreference(shiftId: string, request: SetPreferenceRequest): Observable<PreferenceDto> {
    return this.http.put<PreferenceDto>(
      `/api/pool/shifts/${encodeURIComponent(shiftId)}/preference`,
      request,
    );
  }

  withdraw(shiftId: string): Observable<WithdrawResponse> {
    return this.http.delete<WithdrawResponse>(
      `/api/pool/shifts/${encodeURIComponent(shiftId)}/sign-ups/mine`,
    );
  }

  schedule(): Observable<MyScheduleEntryDto[]> {
    return this.http.get<MyScheduleEntryDto[]>('/api/pool/me/schedule');
  }

  calendarFeed(): Observable<CalendarFeedDto> {
    return this.http.get<CalendarFeedDto>('/api/pool/me/calendar-feed');
  }

  renewCalendarFeed(): Observable<CalendarFeedDto> {
    return this.http.post<CalendarFeedDto>('/api/pool/me/calendar-feed/renew', {});
  }
}
