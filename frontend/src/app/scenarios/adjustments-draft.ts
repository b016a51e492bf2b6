import type { CoreStaffPattern, ScenarioAdjustments } from '@peakplan/contracts';

/** The editor's view of a scenario's adjustments: percentages as planners type them, defaults filled in. */
export interface AdjustmentsDraft {
  volumeUpliftPercent: number;
  ahtChangePercent: number;
  shrinkagePercent: number;
  maxOccupancyPercent: number;
  /** null: each queue's own target. */
  serviceLevelPercent: number | null;
  targetSeconds: number | null;
  eventUpliftPercent: Record<string, number>;
  /** `reason=percent` per line. */
  deflectionText: string;
  coreStaff: CoreStaffPattern[];
  coreHourlyCost: number;
  poolHourlyCost: number;
}

/** The server's defaults (ScenarioAdjustments): shrinkage 0.3, occupancy 0.85, costs 32 and 38. */
const DEFAULTS = { shrinkage: 0.3, maxOccupancy: 0.85, coreHourlyCost: 32, poolHourlyCost: 38 };

/** Shares to whole percentages without 10.000000000000002. */
const percent = (share: number) => Math.round(share * 1000) / 10;
const share = (percentage: number) => Math.round(percentage * 10) / 1000;

export function toAdjustmentsDraft(adjustments: ScenarioAdjustments): AdjustmentsDraft {
  return {
    volumeUpliftPercent: percent(adjustments.volumeUplift ?? 0),
    ahtChangePercent: percent(adjustments.ahtChange ?? 0),
    shrinkagePercent: percent(adjustments.shrinkage ?? DEFAULTS.shrinkage),
    maxOccupancyPercent: percent(adjustments.maxOccupancy ?? DEFAULTS.maxOccupancy),
    serviceLevelPercent: adjustments.serviceLevel === undefined ? null : percent(adjustments.serviceLevel),
    targetSeconds: adjustments.targetSeconds ?? null,
    eventUpliftPercent: Object.fromEntries(
      Object.entries(adjustments.eventUplift ?? {}).map(([key, value]) => [key, percent(value)]),
    ),
    deflectionText: Object.entries(adjustments.deflection ?? {})
      .map(([reason, value]) => `${reason}=${percent(value)}`)
      .join('\n'),
    coreStaff: (adjustments.coreStaff ?? []).map((pattern) => ({
      ...pattern,
      weekdays: [...pattern.weekdays],
    })),
    coreHourlyCost: adjustments.coreHourlyCost ?? DEFAULTS.coreHourlyCost,
    poolHourlyCost: adjustments.poolHourlyCost ?? DEFAULTS.poolHourlyCost,
  };
}

/** Reads `order-status=30` lines; a line that is not `reason=number` is reported, not dropped. */
export function parseDeflection(text: string): {
  deflection: Record<string, number>;
  problem: string | null;
} {
  const deflection: Record<string, number> = {};
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line) continue;
    const match = /^([^=]+?)\s*=\s*(-?\d+(?:[.,]\d+)?)\s*%?$/.exec(line);
    if (!match)
      return { deflection, problem: `Deflection line ${index + 1} must look like order-status=30.` };
    const value = Number(match[2].replace(',', '.'));
    if (value < 0 || value > 100)
      return { deflection, problem: `Deflection line ${index + 1}: the share must be 0 to 100%.` };
    deflection[match[1].trim()] = share(value);
  }
  return { deflection, problem: null };
}

/** The adjustments the API takes; values equal to the defaults are still sent, so the saved scenario says them. */
export function toAdjustments(draft: AdjustmentsDraft): ScenarioAdjustments {
  const eventUplift = Object.fromEntries(
    Object.entries(draft.eventUpliftPercent)
      .filter(([, value]) => Number.isFinite(value) && value !== 0)
      .map(([key, value]) => [key, share(value)]),
  );
  const { deflection } = parseDeflection(draft.deflectionText);
  return {
    volumeUplift: share(draft.volumeUpliftPercent),
    ahtChange: share(draft.ahtChangePercent),
    shrinkage: share(draft.shrinkagePercent),
    maxOccupancy: share(draft.maxOccupancyPercent),
    ...(draft.serviceLevelPercent === null ? {} : { serviceLevel: share(draft.serviceLevelPercent) }),
    ...(draft.targetSeconds === null ? {} : { targetSeconds: draft.targetSeconds }),
    ...(Object.keys(eventUplift).length ? { eventUplift } : {}),
    ...(Object.keys(deflection).length ? { deflection } : {}),
    coreStaff: draft.coreStaff,
    coreHourlyCost: draft.coreHourlyCost,
    poolHourlyCost: draft.poolHourlyCost,
  };
}
