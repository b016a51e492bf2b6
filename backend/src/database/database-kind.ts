/** Injection token: `'embedded'` (PGlite) or `'server'` (PostgreSQL from DATABASE_URL). */
export const DATABASE_KIND = Symbol('DATABASE_KIND');
