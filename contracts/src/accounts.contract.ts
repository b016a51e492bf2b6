import type { Role } from './auth.contract';

/** An account as an admin sees it (`GET /api/accounts`). Never carries a password or its hash. */
export interface AccountDto {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  department: string | null;
  active: boolean;
  /** Whether a password is set; imported accounts have none until an admin resets it. */
  hasPassword: boolean;
  lockedUntil: string | null;
  poolApproval: PoolApproval;
}

export type PoolApproval = 'pending' | 'approved' | 'refused';

/** `POST /api/accounts`. Without a password the account cannot sign in until an admin resets it. */
export interface CreateAccountRequest {
  email: string;
  name: string;
  roles: Role[];
  department?: string | null;
  password?: string;
}

/** `POST /api/accounts/:id/password-reset`: a one-time password, shown once, to hand to the person. */
export interface PasswordResetResponse {
  temporaryPassword: string;
}

/** `PUT /api/auth/password`. */
export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** What an import does (or, in a preview, would do) with one row of the file. */
export interface AccountImportRow {
  row: number;
  email: string;
  action: 'create' | 'change' | 'unchanged';
  /** Fields of an existing account that change: name, department, roles. */
  changes: ('name' | 'department' | 'roles')[];
  /** The file's roles differ from the account's, kept because changeRoles was not asked for. */
  rolesKept: boolean;
}

/**
 * `POST /api/accounts/import[?apply=true][&changeRoles=true]` (body: CSV with header
 * `name,email,department,roles`). Without apply=true a preview: nothing is written.
 */
export interface AccountImportResult {
  applied: boolean;
  created: number;
  updated: number;
  unchanged: number;
  departmentsCreated: string[];
  rows: AccountImportRow[];
}

/** `GET /api/people/:id`: a person as the caller may see them (own profile, own department, or all). */
export interface PersonDto {
  id: string;
  name: string;
  email: string;
  roles: Role[];
  department: string | null;
  /** The department's id, for `/api/departments/:departmentId/...` routes. */
  departmentId: string | null;
  poolApproval: PoolApproval;
}

/** `POST /api/departments/:departmentId/members/:userId/approval`. */
export interface PoolApprovalRequest {
  decision: 'approved' | 'refused';
}

/** `GET /api/audit`: newest first. */
export interface AuditEventDto {
  id: string;
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}
