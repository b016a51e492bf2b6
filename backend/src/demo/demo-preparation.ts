/* The demo's past peaks, prepared in the background after a first start has begun to listen: the
 * dashboard is usable at once, and the health route tells how far the preparation is. */
import { Injectable, type INestApplicationContext, type LoggerService } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { DemoPastPeaksStatus } from '@peakplan/contracts';
import type { IsoDate } from '@peakplan/forecasting';

import { demoPastPeaksToPrepare, loadDemoPastPeaks, pastPeakName } from './demo-past-peaks';
import { queryRows } from '../database/query-rows';

@Injectable()
export class DemoPreparation {
  private status: DemoPastPeaksStatus | null = null;
  private running: Promise<void> = Promise.resolve();
  private cancelled = false;

  /** Null when nothing was prepared in this process (not demo mode, or done on an earlier start). */
  pastPeaks(): DemoPastPeaksStatus | null {
    return this.status === null ? null : { ...this.status, done: [...this.status.done] };
  }

  /**
   * Starts the past peaks when the demo organisation has no review stored: after its first load, or
   * when the service was stopped before the first was done. (Once one is stored the demo counts as
   * prepared: a restart a year later must not forecast peaks the demo history does not reach.)
   */
  async startIfPending(app: INestApplicationContext, today: IsoDate, logger: LoggerService): Promise<void> {
    const [{ pending }] = await queryRows<{ pending: boolean }>(
      app.get(DataSource),
      `select exists (select 1 from organisation where name like '%(demo)')
          and not exists (select 1 from peak_review) as pending`,
    );
    if (!pending) return;
    const peaks = await demoPastPeaksToPrepare(app, today);
    this.status = { state: 'preparing', done: [], current: null, total: peaks.length };
    const started = Date.now();
    logger.log(
      `demo: preparing ${peaks.map(pastPeakName).join(', ') || 'no past peaks'} in the background`,
      'demo',
    );
    this.running = loadDemoPastPeaks(app, today, peaks, {
      onPeakStarted: (name) => {
        this.update({ current: name });
        logger.log(`demo: ${name}: forecast made four weeks before, plan, review…`, 'demo');
      },
      onPeakDone: (name) => this.update({ done: [...this.status!.done, name], current: null }),
      onFailure: (message) => {
        logger.warn?.(`demo: ${message}`, 'demo');
      },
      cancelled: () => this.cancelled,
    }).then(
      () => {
        const done = this.status!.done.length;
        this.update({ state: done === peaks.length ? 'ready' : 'failed', current: null });
        logger.log(
          done === peaks.length
            ? `demo: past peaks ready ${((Date.now() - started) / 1000).toFixed(1)} s after the service listened`
            : `demo: stopped after ${done} of ${peaks.length} past peaks; they are prepared again on the next start when none was reviewed`,
          'demo',
        );
      },
      (error: unknown) => {
        this.update({ state: 'failed', current: null });
        if (!this.cancelled) logger.error(`demo: preparing the past peaks failed: ${String(error)}`, 'demo');
      },
    );
  }

  /** Lets the peak in hand finish, starts no other: called before the service closes. */
  async stop(): Promise<void> {
    this.cancelled = true;
    await this.running;
  }

  private update(change: Partial<DemoPastPeaksStatus>): void {
    if (this.status) this.status = { ...this.status, ...change };
  }
}
