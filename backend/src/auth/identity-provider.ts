/**
 * The seam for sign-in methods. Password sign-in is one identity provider; a company's single sign-on
 * (OpenID Connect: redirect, code exchange, id-token check, then match the `email` claim to an active
 * account) would be another, registered under IDENTITY_PROVIDERS with its own public routes. Both end
 * in SessionsService.start(userId), so the guard, roles and scoping do not change.
 */
export interface IdentityProvider<Credentials = unknown> {
  /** 'password', later 'oidc:<issuer>'. */
  readonly id: string;
  /** The id of the active account these credentials prove, or null: never says why (no account enumeration). */
  authenticate(credentials: Credentials, client: SignInClient): Promise<string | null>;
}

export interface SignInClient {
  ip?: string;
  userAgent?: string;
}

export const IDENTITY_PROVIDERS = Symbol('IDENTITY_PROVIDERS');
