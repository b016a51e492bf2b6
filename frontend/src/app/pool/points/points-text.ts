/**
 * Points and redemptions in words for the member's points page. Pure, so its spec runs under plain jest.
 */
import type { PointLineKind, RewardDto } from '@peakplan/contracts';

import { formatNumber } from '../../core/format/organisation-format';

/** A point line's points with their sign: `+1.250` earned, `−60` spent (a real minus sign, nl-NL digits). */
export function signedPoints(points: number): string {
  if (!Number.isFinite(points)) return '–';
  if (points === 0) return '0';
  return points > 0 ? `+${formatNumber(points)}` : `−${formatNumber(-points)}`;
}

const KIND_LABELS: Record<PointLineKind, string> = {
  shift: 'Shift worked',
  quality: 'Quality',
  grant: 'Granted',
  continuity: 'Stayed all year',
  redemption: 'Reward',
  refund: 'Reward returned',
};

export function pointLineKindLabel(kind: PointLineKind): string {
  return KIND_LABELS[kind];
}

/** Why a reward cannot be redeemed right now, or null when it can: checked again by the server. */
export function redeemBlocker(
  reward: Pick<RewardDto, 'price' | 'stock' | 'active'>,
  balance: number,
): string | null {
  if (!reward.active) return 'No longer offered.';
  if (reward.stock <= 0) return 'Out of stock.';
  if (balance < reward.price) return `You need ${formatNumber(reward.price - balance)} more points.`;
  return null;
}

/**
 * The sentence for a refused redemption: the server's own message names the reward and the numbers
 * (`Mug costs 60 points; your balance is 40.`); the code decides what to add.
 */
export function redeemRefusalText(code: string | undefined, serverMessage: string | undefined): string {
  const said = serverMessage?.trim() ? serverMessage.trim() : null;
  if (code === 'out-of-stock') return `${said ?? 'This reward is out of stock.'} Choose another reward.`;
  if (code === 'not-enough-points')
    return `${said ?? 'You do not have enough points for this reward.'} Points come with the shifts you work.`;
  return said ?? 'The reward could not be redeemed. Try again.';
}
