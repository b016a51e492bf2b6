export type Role = 'admin' | 'planner' | 'manager' | 'pool-member';

export interface LoginRequest {
  email: string;
  password: string;
}

/** `GET /api/auth/me`. */
export interface MeResponse {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  department: string | null;
}

/** `POST /api/auth/login`: the session is also set as an httpOnly cookie; `token` is for programs without cookies. */
export interface LoginResponse {
  token: string;
  user: MeResponse;
}

/** Errors from every route share this shape. */
export interface ApiError {
  statusCode: number;
  error: string;
  message: string;
  details: { field?: string; row?: number; reason: string }[];
  /** A stable rule code where a route names the rule it refused by (the pool's sign-up rules). */
  code?: string;
}

/** `GET /api/auth/session`: who is signed in, answered 200 also when nobody is (user null). */
export interface SessionResponse {
  user: MeResponse | null;
}
