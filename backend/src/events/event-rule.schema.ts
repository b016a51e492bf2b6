/* The date rule of an event as the API accepts it: the calendar engine's rule kinds (forecasting's
 * EventRule), each with exactly its own fields, checked by zod so a problem names its field. */
import { BadRequestException } from '@nestjs/common';
import { z } from 'zod';

import type { EventRuleDto } from '@peakplan/contracts';
import { isoDateToDayNumber, resolveEventDates, type EventRule } from '@peakplan/forecasting';

const month = z.number().int().min(1).max(12);
/** 0 = Sunday … 6 = Saturday, as the calendar engine counts. */
const weekday = z.number().int().min(0).max(6);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

const eventRuleSchema: z.ZodType<EventRuleDto> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('fixed'), month, day: z.number().int().min(1).max(31) }),
    z.strictObject({ kind: z.literal('nth-weekday'), month, weekday, n: z.number().int().min(1).max(5) }),
    z.strictObject({ kind: z.literal('last-weekday'), month, weekday }),
    z.strictObject({ kind: z.literal('easter-offset'), days: z.number().int().min(-120).max(120) }),
    z.strictObject({ kind: z.literal('one-off'), dates: z.array(isoDate).min(1).max(100) }),
    z.strictObject({
      kind: z.literal('day-after'),
      rule: eventRuleSchema,
      days: z.number().int().min(-60).max(60).optional(),
    }),
  ]),
);

/** Years looked at to prove a recurring rule gives a date at all (29 February needs a leap year). */
const PROBE_YEARS = [2024, 2025, 2026, 2027];

function refuse(field: string, reason: string): never {
  throw new BadRequestException({ message: `${field}: ${reason}`, details: [{ field, reason }] });
}

/** The rule, checked: a 400 naming the field for a wrong shape, an impossible date or a rule that never occurs. */
export function parseEventRule(raw: unknown): EventRule {
  const parsed = eventRuleSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    refuse(['rule', ...issue.path.map(String)].join('.'), issue.message);
  }
  const rule = parsed.data as EventRule;
  if (rule.kind === 'one-off') {
    rule.dates.forEach((date, index) => {
      try {
        isoDateToDayNumber(date, `rule.dates.${index}`);
      } catch (error) {
        refuse(`rule.dates.${index}`, (error as Error).message);
      }
    });
    return rule;
  }
  if (PROBE_YEARS.every((year) => resolveEventDates(rule, year).length === 0))
    refuse('rule', 'gives no date in any year (e.g. 31 April or a 5th weekday that never exists)');
  return rule;
}
