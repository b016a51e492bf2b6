/* One rule for text a client sends (JSON strings, keys, query values, path ids and CSV cells): PostgreSQL
 * refuses NUL in text and jsonb refuses lone surrogates, and no other control character belongs in a
 * name, an email or a key. Tab, line feed and carriage return stay allowed (free-text fields). */

// C0 controls except \t \n \r, and DEL: matching control characters is the point here.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `text` cannot be stored as sent, or undefined when it can. */
export function plainTextProblem(text: string): string | undefined {
  if (CONTROL_CHARACTER.test(text)) return 'must not contain control characters (such as NUL)';
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode (no lone surrogate)';
  return undefined;
}
