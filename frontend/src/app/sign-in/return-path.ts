/**
 * The page to return to after sign-in, only when it is a path inside this app: an absolute or
 * protocol-relative URL in `?returnUrl=` would send a freshly signed-in person to another site.
 * Pure, tested by return-path.pure.spec.ts.
 */
export function safeReturnPath(returnUrl: string | null | undefined): string | null {
  if (!returnUrl) return null;
  if (!returnUrl.startsWith('/') || returnUrl.startsWith('//') || returnUrl.startsWith('/\\')) return null;
  if (returnUrl === '/' || returnUrl.startsWith('/sign-in')) return null;
  return returnUrl;
}
