/**
 * Queues looked up by the name a file writes: the exact name first, then the name in any case ("Phone"
 * for "phone") when only one queue has it. "TEST-Q" beside "test-q" used to reach whichever came last.
 */
export class QueuesByName<Q extends { name: string }> {
  private readonly exact: Map<string, Q>;
  private readonly folded = new Map<string, Q[]>();

  /** @param queues in the order names are listed in messages */
  constructor(queues: readonly Q[]) {
    this.exact = new Map(queues.map((queue) => [queue.name, queue]));
    for (const queue of queues) {
      const key = queue.name.toLowerCase();
      this.folded.set(key, [...(this.folded.get(key) ?? []), queue]);
    }
  }

  /** Every queue's name, in the order given. */
  names(): string[] {
    return [...this.exact.keys()];
  }

  /** The queues a name could mean: the one it names, several whose names differ only in case, or none. */
  matches(name: string): Q[] {
    const exact = this.exact.get(name);
    return exact ? [exact] : (this.folded.get(name.toLowerCase()) ?? []);
  }
}

/** Why a name that several queues share but for case is refused. */
export function ambiguousQueueReason(name: string, matches: readonly { name: string }[]): string {
  return `"${name.slice(0, 60)}" could be any of the queues ${matches.map((queue) => `"${queue.name}"`).join(', ')}, whose names differ only in upper and lower case: write the name exactly`;
}
