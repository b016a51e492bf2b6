/* Recognition points and the rewards catalogue of the flexible pool (issue 14). */

/** What a point line is for: earned (shift, quality, grant, continuity) or spent and given back. */
export type PointLineKind = 'shift' | 'quality' | 'grant' | 'continuity' | 'redemption' | 'refund';

/** One line of a member's points history: every point has one, with the reason in words. */
export interface PointLineDto {
  at: string;
  points: number;
  reason: string;
  kind: PointLineKind;
  peak: string | null;
}

/**
 * Where a member's points this year stand in the pool, without names: `top-10`, `top-25`, `top-50`
 * (of members with points this year), `rest`, or `none` (no points yet this year).
 */
export type PointsBand = 'top-10' | 'top-25' | 'top-50' | 'rest' | 'none';

/** `GET /api/pool/me/points`. */
export interface MyPointsDto {
  /** Points earned ever (redemptions not subtracted). */
  total: number;
  /** Points earned in the latest peak the member worked or was granted points in. */
  peak: number;
  peakName: string | null;
  /** Points earned this calendar year (organisation's zone). */
  year: number;
  /** Points that can still be spent: earned less redeemed, plus cancelled redemptions. */
  balance: number;
  band: PointsBand;
  bandText: string;
  /** Newest first. */
  lines: PointLineDto[];
}

/** The admin's weights of the points formula (see docs/numbers.md). */
export interface PointsWeights {
  /** Points for one paid hour of an ordinary shift. */
  pointsPerHour: number;
  /** Extra share per hour at full criticality (the plan's gap needed every place of the shift). */
  critical: number;
  /** Extra share per hour in the evening or night (18:00–06:00 local). */
  evening: number;
  /** Extra share per hour on a Saturday or Sunday. */
  weekend: number;
  /** Extra share per hour on an event day (Christmas Eve, Mother's Day…). */
  eventDay: number;
  /** Per worked shift, when the member's training for its skill was current. */
  trainingCurrent: number;
  /** Per worked shift, when the member had no no-show and no late withdrawal in the peak before it. */
  reliable: number;
  /** Per star of the manager's rating (1–5) of a worked shift. */
  ratingPerStar: number;
  /** Once a year: stayed in the pool all year with current training and some weekly availability. */
  continuity: number;
}

/** `PUT /api/pool/shifts/:shiftId/attendance/:memberId` (planner, admin, the member's manager). */
export interface MarkAttendanceRequest {
  status: 'worked' | 'no-show';
  /** 1–5, only for a worked shift. */
  rating?: number | null;
}

export interface AttendanceDto {
  shiftId: string;
  memberId: string;
  status: 'worked' | 'no-show';
  rating: number | null;
  /** The lines this shift now gives the member. */
  lines: PointLineDto[];
}

/** `GET /api/pool/shifts/:shiftId/attendance`: the shift's confirmed members and their marks so far. */
export interface ShiftAttendanceDto {
  memberId: string;
  name: string;
  department: string | null;
  /** null: not marked yet. */
  status: 'worked' | 'no-show' | null;
  rating: number | null;
}

/** `POST /api/pool/points/grants` (planner, admin). */
export interface GrantPointsRequest {
  memberId: string;
  points: number;
  reason: string;
  peak?: string | null;
}

/** `GET /api/pool/points/members` (manager: own department; planner, admin: all). */
export interface MemberPointsDto {
  memberId: string;
  name: string;
  department: string | null;
  /** Points earned in the chosen year (default this year). */
  year: number;
  /** Points earned in the chosen peak, when one is asked for. */
  peak: number | null;
  balance: number;
}

/** `GET /api/pool/points/peaks` (planner, admin): totals per peak. */
export interface PeakPointsDto {
  peak: string;
  members: number;
  shift: number;
  quality: number;
  grant: number;
  total: number;
}

/** `POST /api/pool/points/weights/preview` (admin): last peak's points under proposed weights. */
export interface WeightsPreviewDto {
  peak: string | null;
  currentTotal: number;
  previewTotal: number;
  members: { memberId: string; name: string; current: number; preview: number }[];
}

/** `POST /api/pool/points/continuity` (admin): the yearly continuity part for a finished year. */
export interface ContinuityRequest {
  year: number;
}

export interface ContinuityResultDto {
  year: number;
  granted: number;
}

/** `GET /api/pool/rewards`. */
export interface RewardDto {
  id: string;
  name: string;
  description: string | null;
  price: number;
  stock: number;
  active: boolean;
}

/** `POST /api/pool/rewards` (admin). */
export interface CreateRewardRequest {
  name: string;
  description?: string | null;
  price: number;
  stock: number;
}

/** `PATCH /api/pool/rewards/:id` (admin). */
export interface UpdateRewardRequest {
  name?: string;
  description?: string | null;
  price?: number;
  stock?: number;
  active?: boolean;
}

/** `POST /api/pool/rewards/:id/redemptions` (member), `GET /api/pool/me/redemptions`, `GET /api/pool/redemptions`. */
export interface RedemptionDto {
  id: string;
  rewardId: string;
  reward: string;
  memberId: string;
  points: number;
  status: 'redeemed' | 'cancelled';
  createdAt: string;
  cancelledAt: string | null;
  /** The member's balance after this redemption (on the answer to a redemption or cancellation). */
  balance?: number;
}

/** `POST /api/pool/redemptions/:id/cancel` (admin). */
export interface CancelRedemptionRequest {
  reason?: string;
}
