/**
 * Two or more uuids, comma-separated (`?ids=` of the compare routes), each in the 8-4-4-4-12 layout
 * PostgreSQL's uuid type reads: 36 characters of hex digits and dashes in any order used to pass and
 * come back from the database as a 500.
 */
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export const COMMA_SEPARATED_UUIDS = new RegExp(`^${UUID}(,${UUID})+$`, 'i');
