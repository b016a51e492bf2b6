import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { MyPointsDto, RedemptionDto, RewardDto } from '@peakplan/contracts';
import { Observable } from 'rxjs';

/** The pool member's points, the rewards catalogue and their own redemptions. */
@Injectable({ providedIn: 'root' })
export class PoolPointsApi {
  private readonly http = inject(HttpClient);

  myPoints(): Observable<MyPointsDto> {
    return this.http.get<MyPointsDto>('/api/pool/me/points');
  }

  rewards(): Observable<RewardDto[]> {
    return this.http.get<RewardDto[]>('/api/pool/rewards');
  }

  myRedemptions(): Observable<RedemptionDto[]> {
    return this.http.get<RedemptionDto[]>('/api/pool/me/redemptions');
  }

  /** 201 with the balance after it, or 409 `out-of-stock` / `not-enough-points`. */
  redeem(rewardId: string): Observable<RedemptionDto> {
    return this.http.post<RedemptionDto>(
      `/api/pool/rewards/${encodeURIComponent(rewardId)}/redemptions`,
      null,
    );
  }
}
