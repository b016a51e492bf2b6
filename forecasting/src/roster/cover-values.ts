/**
 * What each pool person in one interval is worth: the service level the k-th person buys, made
 * non-increasing so that a linear program fills an interval's places in order. `serviceLevels[k]` is
 * the service level with k pool people (k = 0 … gap, from Erlang C or A on the plan's forecast); the
 * k-th value is the slope of the least concave majorant of those points between k − 1 and k (Erlang's
 * service level is S-shaped: 0 while the queue is unstable, then concave). Where the curve is already
 * concave the values are exactly `serviceLevels[k] − serviceLevels[k − 1]`; where it is not, the
 * majorant shares the gain of a stretch equally over its people, which is what the stretch buys per
 * person when it is filled in full.
 *
 * @example
 * placeValues([0.2, 0.6, 0.8, 0.9]); // [0.4, 0.2, 0.1]
 * placeValues([0, 0, 0.6]);          // [0.3, 0.3] (0 then 0.6: the second person makes the queue stable)
 */
export function placeValues(serviceLevels: readonly number[]): number[] {
  serviceLevels.forEach((level, k) => {
    if (!Number.isFinite(level)) throw new RangeError(`serviceLevels[${k}] must be a finite number`);
  });
  // Upper hull of the points (k, level), left to right (Andrew's monotone chain).
  const hull: number[] = [];
  for (let k = 0; k < serviceLevels.length; k++) {
    while (hull.length >= 2) {
      const a = hull[hull.length - 2];
      const b = hull[hull.length - 1];
      const cross =
        (b - a) * (serviceLevels[k] - serviceLevels[a]) - (serviceLevels[b] - serviceLevels[a]) * (k - a);
      if (cross >= 0) hull.pop();
      else break;
    }
    hull.push(k);
  }
  const values: number[] = [];
  for (let h = 1; h < hull.length; h++) {
    const slope = (serviceLevels[hull[h]] - serviceLevels[hull[h - 1]]) / (hull[h] - hull[h - 1]);
    for (let k = hull[h - 1]; k < hull[h]; k++) values.push(Math.max(0, slope));
  }
  return values;
}
