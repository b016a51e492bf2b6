/* Proves, while the file streams by, that it holds no key twice (queue, interval start, reason), so
 * that the import can skip the duplicate query on the staging table (a sort of every row: ~1 s per
 * million). It only has to remember the latest start per queue and the reasons seen at it: that
 * suffices when each queue's rows come in time order, oldest or newest first, as exports list them.
 * A file in another order is not proven, and the import asks the database instead. */

interface QueueTrail {
  lastMs: number;
  /** +1 rising, -1 falling, 0 not known yet (one start seen). */
  direction: number;
  reasonsAtLast: Set<string>;
}

export class DuplicateWatch {
  private readonly trails = new Map<string, QueueTrail>();
  private proven = true;

  /** False once a key may repeat: the database then looks for duplicates. */
  get noDuplicates(): boolean {
    return this.proven;
  }

  see(queueId: string, startMs: number, reason: string): void {
    if (!this.proven) return;
    const trail = this.trails.get(queueId);
    if (!trail) {
      this.trails.set(queueId, { lastMs: startMs, direction: 0, reasonsAtLast: new Set([reason]) });
      return;
    }
    if (startMs === trail.lastMs) {
      if (trail.reasonsAtLast.has(reason)) this.proven = false;
      else trail.reasonsAtLast.add(reason);
      return;
    }
    const direction = startMs > trail.lastMs ? 1 : -1;
    if (trail.direction !== 0 && direction !== trail.direction) {
      this.proven = false;
      return;
    }
    trail.direction = direction;
    trail.lastMs = startMs;
    trail.reasonsAtLast = new Set([reason]);
  }
}
