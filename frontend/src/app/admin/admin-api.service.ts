import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AccountDto,
  AccountImportResult,
  AuditEventDto,
  CreateAccountRequest,
  PasswordResetResponse,
  Role,
} from '@peakplan/contracts';
import { Observable } from 'rxjs';

/** The audit trail's filters as the page holds them; empty strings are left out of the request. */
export interface AuditFilter {
  actor: string;
  entityType: string;
  from: string;
  to: string;
}

/** How many audit events one page shows. */
export const AUDIT_PAGE_SIZE = 50;

/** The admin's calls: accounts, the CSV import (preview, then apply) and the audit trail. */
@Injectable({ providedIn: 'root' })
export class AdminApi {
  private readonly http = inject(HttpClient);

  accounts(): Observable<AccountDto[]> {
    return this.http.get<AccountDto[]>('/api/accounts');
  }

  createAccount(request: CreateAccountRequest): Observable<AccountDto> {
    return this.http.post<AccountDto>('/api/accounts', request);
  }

  setActive(id: string, active: boolean): Observable<AccountDto> {
    return this.http.post<AccountDto>(
      `/api/accounts/${encodeURIComponent(id)}/${active ? 'activate' : 'deactivate'}`,
      {},
    );
  }

  setRoles(id: string, roles: Role[]): Observable<AccountDto> {
    return this.http.put<AccountDto>(`/api/accounts/${encodeURIComponent(id)}/roles`, { roles });
  }

  resetPassword(id: string): Observable<PasswordResetResponse> {
    return this.http.post<PasswordResetResponse>(
      `/api/accounts/${encodeURIComponent(id)}/password-reset`,
      {},
    );
  }

  /** Without `apply` the server only says what the file would do, and writes nothing. */
  importAccounts(
    csv: string,
    options: { apply: boolean; changeRoles: boolean },
  ): Observable<AccountImportResult> {
    let params = new HttpParams();
    if (options.apply) params = params.set('apply', 'true');
    if (options.changeRoles) params = params.set('changeRoles', 'true');
    return this.http.post<AccountImportResult>('/api/accounts/import', csv, {
      params,
      headers: { 'Content-Type': 'text/csv' },
    });
  }

  /** One page of the trail, newest first; `beforeId` is the last event of the page before. */
  audit(filter: AuditFilter, beforeId: string | null): Observable<AuditEventDto[]> {
    let params = new HttpParams().set('limit', String(AUDIT_PAGE_SIZE));
    for (const [name, value] of Object.entries(filter)) {
      if (value.trim() !== '') params = params.set(name, value.trim());
    }
    if (beforeId) params = params.set('beforeId', beforeId);
    return this.http.get<AuditEventDto[]>('/api/audit', { params });
  }
}
