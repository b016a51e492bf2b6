/* Forecast against actuals: the engine's metrics over days, event windows and intervals. Pure. */
import { bias, intervalCoverage, mase, maseScale, wape } from '@peakplan/forecasting';

import type { AccuracyMetricsDto } from '@peakplan/contracts';

export interface ScoredPoint {
  p10: number;
  p50: number;
  p90: number;
  actual: number;
}

const round = (value: number) => (Number.isFinite(value) ? Math.round(value * 10000) / 10000 : null);

/** Metrics of the points; `scale` is the MASE denominator (seasonal-naive error of the training data). */
export function accuracyOf(points: readonly ScoredPoint[], scale: number | null): AccuracyMetricsDto {
  const actual = points.map((point) => point.actual);
  const forecast = points.map((point) => point.p50);
  const open = points.filter((point) => point.actual > 0);
  const totalActual = actual.reduce((sum, value) => sum + value, 0);
  return {
    wape: points.length > 0 && totalActual > 0 ? round(wape(actual, forecast)) : null,
    bias: points.length > 0 && totalActual > 0 ? round(bias(actual, forecast)) : null,
    mase: points.length > 0 && scale !== null && scale > 0 ? round(mase(actual, forecast, scale)) : null,
    coverage:
      open.length > 0
        ? round(
            intervalCoverage(
              open.map((point) => point.actual),
              open.map((point) => point.p10),
              open.map((point) => point.p90),
            ),
          )
        : null,
    forecast: Math.round(forecast.reduce((sum, value) => sum + value, 0) * 10) / 10,
    actual: totalActual,
    points: points.length,
  };
}

/** MASE scale: mean |y_t − y_{t−364}| over the training days (same weekday last year), or null. */
export function seasonalScale(training: readonly number[]): number | null {
  if (training.length <= 364) return null;
  try {
    return maseScale(training, 364);
  } catch {
    return null;
  }
}
