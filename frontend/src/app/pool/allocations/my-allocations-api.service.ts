import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { MyAllocationDto } from '@peakplan/contracts';
import { Observable } from 'rxjs';

/** The pool member's results of published rosters by preference. */
@Injectable({ providedIn: 'root' })
export class MyAllocationsApi {
  private readonly http = inject(HttpClient);

  myAllocations(): Observable<MyAllocationDto[]> {
    return this.http.get<MyAllocationDto[]>('/api/pool/me/allocations');
  }
}
