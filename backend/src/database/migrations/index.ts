import { InitialSchema1764000000000 } from './1764000000000-initial-schema';

/** Every migration, oldest first. A new migration is added here as well as in its own file. */
export const MIGRATIONS = [InitialSchema1764000000000];
