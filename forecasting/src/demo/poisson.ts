import { type RandomSource, standardNormal } from '../forecast/seeded-random';

/** Poisson draw: Knuth's product method for small means, a rounded normal for large ones. */
export function poisson(mean: number, random: RandomSource): number {
  if (mean <= 0) return 0;
  if (mean > 40) return Math.max(0, Math.round(mean + Math.sqrt(mean) * standardNormal(random)));
  const limit = Math.exp(-mean);
  let count = 0;
  let product = random();
  while (product > limit) {
    count++;
    product *= random();
  }
  return count;
}
