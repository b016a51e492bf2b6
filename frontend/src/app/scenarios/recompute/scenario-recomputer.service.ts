import { DestroyRef, inject, Injectable } from '@angular/core';
import type { ScenarioAdjustments, ScenarioInputsDto, ScenarioResult } from '@peakplan/contracts';
import { Observable } from 'rxjs';

import { fromIntervalColumns } from './interval-columns';
import { answerRecompute, type RecomputeAnswer, type RecomputeRequest } from './scenario-recompute';

export interface Recomputed {
  result: ScenarioResult;
  /** Time of the computation itself, in the worker. */
  milliseconds: number;
}

/**
 * Runs the scenario recompute in a Web Worker, one per page (ended with it). Where a browser has no
 * workers (the unit tests' Node) it computes on the spot with the same function.
 */
@Injectable()
export class ScenarioRecomputer {
  private readonly worker: Worker | null =
    typeof Worker === 'undefined'
      ? null
      : new Worker(new URL('./scenario-recompute.worker', import.meta.url), { type: 'module' });
  private readonly fallback: { inputs: ScenarioInputsDto | null } = { inputs: null };
  private nextRequestId = 1;
  /** The inputs last sent: their queue names and starts go back into the intervals of each answer. */
  private inputs: ScenarioInputsDto | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.worker?.terminate());
  }

  /** The scenario to compute from now on (sent to the worker once, not with every slider move). */
  load(inputs: ScenarioInputsDto): void {
    this.inputs = inputs;
    this.send({ kind: 'inputs', inputs });
  }

  /** The result under these adjustments; unsubscribing drops a stale answer. */
  compute(adjustments: ScenarioAdjustments): Observable<Recomputed> {
    const requestId = this.nextRequestId++;
    const queues = this.inputs?.queues ?? [];
    return new Observable<Recomputed>((subscriber) => {
      const settle = (answer: RecomputeAnswer) => {
        if (answer.requestId !== requestId) return;
        if ('error' in answer) subscriber.error(new Error(answer.error));
        else {
          const intervals = fromIntervalColumns(answer.columns, queues);
          subscriber.next({ result: { ...answer.result, intervals }, milliseconds: answer.milliseconds });
          subscriber.complete();
        }
      };
      const request: RecomputeRequest = { kind: 'compute', requestId, adjustments };
      if (!this.worker) {
        const answer = answerRecompute(this.fallback, request, () => performance.now());
        if (answer) settle(answer);
        return undefined;
      }
      const listener = (event: MessageEvent<RecomputeAnswer>) => settle(event.data);
      const failed = (event: ErrorEvent) =>
        subscriber.error(new Error(`The recompute stopped: ${event.message || 'the worker failed'}.`));
      this.worker.addEventListener('message', listener);
      this.worker.addEventListener('error', failed);
      this.worker.postMessage(request);
      return () => {
        this.worker?.removeEventListener('message', listener);
        this.worker?.removeEventListener('error', failed);
      };
    });
  }

  private send(request: RecomputeRequest): void {
    if (this.worker) this.worker.postMessage(request);
    else answerRecompute(this.fallback, request, () => performance.now());
  }
}
