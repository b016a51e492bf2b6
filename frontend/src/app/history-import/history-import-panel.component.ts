import { HttpErrorResponse, HttpEventType } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, output, signal } from '@angular/core';
import type { HistoryImportProgress, HistoryImportReport } from '@peakplan/contracts';
import { exhaustMap, Subscription, timer } from 'rxjs';

import { describeApiFailure } from '../core/api/api-failure-message';
import { PeakplanApi } from '../core/api/peakplan-api.service';
import { formatNumber } from '../core/format/organisation-format';
import { ImportOutcome, refusedOutcome, reportSummary, uploadShare } from './import-outcome';

const POLL_MS = 500;
/** A small file is answered before this; only a long import is polled (and never before the server knows it). */
const FIRST_POLL_MS = 1000;

/**
 * Uploads a history CSV: a progress bar while the file is sent and the server reads it, then what was
 * written, or a refused file's row / field / reason table. Emits `imported` so the charts refresh.
 */
@Component({
  selector: 'pp-history-import-panel',
  template: `
    <section class="card" aria-labelledby="import-heading">
      <h2 id="import-heading">Import history</h2>
      <p class="muted intro">
        CSV with the header <code>queue,start,offered[,handled,abandoned,aht_seconds,reason]</code>; start is
        a date (a day) or a date-time with offset (an interval). A file with bad rows is refused whole unless
        you skip them.
      </p>
      <form class="row" (submit)="$event.preventDefault(); upload()" aria-label="Import history">
        <label class="field">
          History file (CSV)
          <input
            type="file"
            name="file"
            accept=".csv,text/csv"
            (change)="choose($event)"
            [disabled]="busy()"
          />
        </label>
        <label class="check">
          <input
            type="checkbox"
            name="skipInvalid"
            [checked]="skipInvalid()"
            (change)="skipInvalid.set(!skipInvalid())"
            [disabled]="busy()"
          />
          Skip invalid rows
        </label>
        <button type="submit" class="button primary" [disabled]="!file() || busy()">
          {{ busy() ? 'Importing…' : 'Import' }}
        </button>
      </form>

      @if (busy()) {
        <div class="progress" role="status" aria-live="polite" data-testid="import-progress">
          <label class="field">
            {{ progressText() }}
            <progress class="bar" max="1" [attr.value]="progress()"></progress>
          </label>
        </div>
      }

      @if (outcome(); as result) {
        @if (result.kind === 'completed') {
          <p class="notice-text" role="status" data-testid="import-report">
            Imported {{ result.report.fileName }}: {{ summary(result.report) }}
          </p>
        } @else {
          <div class="alert" role="alert" data-testid="import-refused">
            <p>The file was refused, nothing was imported. {{ result.message }}</p>
          </div>
          @if (result.problems.length > 0) {
            <div class="table-scroll problems">
              <table class="table" aria-label="Problems in the file" data-testid="import-problems">
                <thead>
                  <tr>
                    <th scope="col" class="number">Row</th>
                    <th scope="col">Field</th>
                    <th scope="col">Reason</th>
                  </tr>
                </thead>
                <tbody>
                  @for (problem of result.problems; track $index) {
                    <tr>
                      <td class="number">{{ problem.row }}</td>
                      <td>
                        <code>{{ problem.field }}</code>
                      </td>
                      <td>{{ problem.reason }}</td>
                    </tr>
                  }
                </tbody>
              </table>
            </div>
          }
        }
      }
    </section>
  `,
  styles: `
    .intro {
      font-size: 0.875rem;
      margin: 0 0 0.75rem;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: 0.75rem 1.25rem;
    }
    .check {
      display: flex;
      align-items: center;
      gap: 0.35rem;
      font-size: 0.875rem;
    }
    .progress {
      margin-top: 0.75rem;
      max-width: 36rem;
    }
    .problems {
      max-height: 20rem;
      overflow-y: auto;
      margin-top: 0.5rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HistoryImportPanelComponent {
  private readonly api = inject(PeakplanApi);
  readonly imported = output<HistoryImportReport>();

  protected readonly file = signal<File | null>(null);
  protected readonly skipInvalid = signal(false);
  protected readonly busy = signal(false);
  /** 0..1, or null while the share is unknown (the bar then shows as busy). */
  protected readonly progress = signal<number | null>(null);
  protected readonly progressText = signal('');
  protected readonly outcome = signal<ImportOutcome | null>(null);
  private polling: Subscription | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.polling?.unsubscribe());
  }

  protected choose(event: Event): void {
    const input = event.target as HTMLInputElement;
    this.file.set(input.files?.[0] ?? null);
    this.outcome.set(null);
  }

  protected summary(report: HistoryImportReport): string {
    return reportSummary(report, (value) => formatNumber(value));
  }

  protected upload(): void {
    const file = this.file();
    if (!file || this.busy()) return;
    const importId = crypto.randomUUID();
    this.busy.set(true);
    this.outcome.set(null);
    this.progress.set(0);
    this.progressText.set(`Sending ${file.name}…`);
    this.api.importHistory(file, file.name, importId).subscribe({
      next: (event) => {
        if (event.type === HttpEventType.UploadProgress) {
          const share = uploadShare(event.loaded, event.total);
          // Sending is the first half of the bar; the server reading and merging the rest.
          this.progress.set(share === null ? null : share * 0.5);
          if (share === 1) this.watch(importId);
        } else if (event.type === HttpEventType.Response && event.body) {
          this.finish({ kind: 'completed', report: event.body });
          this.imported.emit(event.body);
        }
      },
      error: (error: unknown) => {
        const status = error instanceof HttpErrorResponse ? error.status : -1;
        const body = error instanceof HttpErrorResponse ? error.error : undefined;
        this.finish(
          refusedOutcome(status, body, describeApiFailure({ status, error: body }, 'importing the file')),
        );
      },
    });
  }

  /** Polls the server's progress once the file is sent: phase and rows read. */
  private watch(importId: string): void {
    this.polling?.unsubscribe();
    this.progressText.set('The server is reading the file…');
    this.polling = timer(FIRST_POLL_MS, POLL_MS)
      .pipe(exhaustMap(() => this.api.historyImport(importId)))
      .subscribe({
        next: (state) => {
          if (state.status !== 'running') return;
          const running = state as HistoryImportProgress;
          const phase =
            running.phase === 'merging' ? 'Writing' : running.phase === 'checking' ? 'Checking' : 'Reading';
          this.progressText.set(`${phase}: ${formatNumber(running.rowsRead)} rows read`);
          this.progress.set(running.phase === 'merging' ? 0.9 : running.phase === 'checking' ? 0.8 : 0.6);
        },
        // The import's own answer says how it ended; a failed poll changes nothing.
        error: () => undefined,
      });
  }

  private finish(outcome: ImportOutcome): void {
    this.polling?.unsubscribe();
    this.polling = null;
    this.busy.set(false);
    this.progress.set(null);
    this.outcome.set(outcome);
  }
}
