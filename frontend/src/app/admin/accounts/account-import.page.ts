import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { AccountImportResult, AccountImportRow } from '@peakplan/contracts';

import { describeApiFailure } from '../../core/api/api-failure-message';
import { refusedOutcome, type ImportOutcome } from '../../history-import/import-outcome';
import { AdminApi } from '../admin-api.service';
import { importRowText } from '../admin-text';

/** The server refuses bigger files (accounts.controller.ts); saying so here saves an upload. */
const MAX_CSV_BYTES = 2 * 1024 * 1024;

type Refusal = Extract<ImportOutcome, { kind: 'refused' }>;

/**
 * Accounts from a CSV file in two steps: a preview of what the file would change (new accounts,
 * changed fields, unchanged, or the rows that refuse the whole file and why), written nowhere; then
 * the same file applied in one transaction. Applying it again changes nothing.
 */
@Component({
  selector: 'pp-account-import-page',
  imports: [RouterLink],
  template: `
    <header class="page-header">
      <p class="eyebrow">Admin</p>
      <h1>Import accounts</h1>
      <p class="lead">
        A CSV file with the header <code>name,email,department,roles</code>; several roles separated by
        <code>;</code> (admin, planner, manager, pool-member). Accounts are matched by email. You see what the
        file changes before anything is written.
      </p>
    </header>

    <section class="card" aria-labelledby="file-heading">
      <h2 id="file-heading">1. The file</h2>
      <div class="form-grid">
        <label class="field">
          Choose a CSV file
          <input
            #fileInput
            type="file"
            accept=".csv,text/csv"
            data-testid="account-csv-file"
            (change)="chooseFile($event)"
          />
        </label>
      </div>
      <label class="field paste">
        Or paste its text
        <textarea
          rows="6"
          spellcheck="false"
          [value]="csv()"
          (input)="fileInput.value = ''; setCsv(text($event))"
        ></textarea>
      </label>
      <label class="check">
        <input type="checkbox" [checked]="changeRoles()" (change)="setChangeRoles($event)" />
        Also change the roles of existing accounts to the file’s (otherwise they keep their own)
      </label>
      <p class="problem-text" role="alert">{{ fileProblem() }}</p>
      <div class="form-actions">
        <button type="button" class="button primary" [disabled]="busy() || !csv().trim()" (click)="preview()">
          Preview the changes
        </button>
      </div>
    </section>

    <section class="card" aria-labelledby="preview-heading" aria-live="polite">
      <h2 id="preview-heading" tabindex="-1">2. What it changes</h2>
      @if (busy()) {
        <p class="status" role="status"><span class="spinner" aria-hidden="true"></span>{{ busyText() }}</p>
      } @else if (problem(); as text) {
        <div class="alert" role="alert">
          <p>{{ text }}</p>
        </div>
      } @else if (refusal(); as refused) {
        <div class="alert" role="alert" data-testid="import-refused">
          <p>{{ refused.message }}</p>
          <p>Nothing was imported. Correct the file and preview it again.</p>
        </div>
        @if (refused.problems.length > 0) {
          <div class="table-scroll">
            <table class="table" aria-label="Refused rows">
              <thead>
                <tr>
                  <th scope="col" class="number">Row</th>
                  <th scope="col">Field</th>
                  <th scope="col">Why it is refused</th>
                </tr>
              </thead>
              <tbody>
                @for (problem of refused.problems; track $index) {
                  <tr>
                    <td class="number">{{ problem.row }}</td>
                    <td>{{ problem.field }}</td>
                    <td>{{ problem.reason }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
      } @else if (result(); as outcome) {
        <p [class.notice-text]="outcome.applied" data-testid="import-summary">{{ summary() }}</p>
        <div class="table-scroll">
          <table class="table" [attr.aria-label]="outcome.applied ? 'Imported rows' : 'Preview per row'">
            <thead>
              <tr>
                <th scope="col" class="number">Row</th>
                <th scope="col">Email</th>
                <th scope="col">{{ outcome.applied ? 'Done' : 'Would do' }}</th>
              </tr>
            </thead>
            <tbody>
              @for (row of outcome.rows; track row.row) {
                <tr [attr.data-action]="row.action">
                  <td class="number">{{ row.row }}</td>
                  <td>{{ row.email }}</td>
                  <td>{{ rowText(row) }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
        @if (!outcome.applied) {
          <div class="form-actions">
            <button
              type="button"
              class="button primary"
              [disabled]="busy() || !hasChanges()"
              (click)="apply()"
            >
              Apply these changes
            </button>
          </div>
        } @else {
          <p>
            <a routerLink="/admin">See the accounts</a> · <a routerLink="/admin/audit">see the audit trail</a>
          </p>
        }
      } @else {
        <p class="empty">Choose or paste a file, then preview it: nothing is written until you apply.</p>
      }
    </section>
  `,
  styles: `
    .paste {
      margin-top: 0.75rem;
    }
    .paste textarea {
      font-family: ui-monospace, monospace;
      font-size: 0.8125rem;
    }
    .check {
      display: flex;
      gap: 0.4rem;
      align-items: center;
      margin-top: 0.75rem;
    }
    code {
      background: #f1f5f9;
      padding: 0 0.25rem;
      border-radius: 3px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccountImportPage {
  private readonly api = inject(AdminApi);

  protected readonly csv = signal('');
  protected readonly changeRoles = signal(false);
  protected readonly fileProblem = signal('');
  protected readonly busy = signal(false);
  protected readonly busyText = signal('');
  protected readonly problem = signal<string | null>(null);
  protected readonly refusal = signal<Refusal | null>(null);
  /** The preview or the applied result of exactly the file and option on screen. */
  protected readonly result = signal<AccountImportResult | null>(null);
  protected readonly hasChanges = computed(() => {
    const result = this.result();
    return result !== null && result.created + result.updated > 0;
  });
  protected readonly summary = computed(() => {
    const result = this.result();
    if (!result) return '';
    const departments = result.departmentsCreated.length
      ? `; new department${result.departmentsCreated.length === 1 ? '' : 's'}: ${result.departmentsCreated.join(', ')}`
      : '';
    const counts = `${result.created} new, ${result.updated} changed, ${result.unchanged} unchanged${departments}`;
    if (result.applied) return `Imported: ${counts}.`;
    return result.created + result.updated === 0
      ? `Nothing to change: every account is already as the file says (${result.unchanged} unchanged).`
      : `The file would make ${counts}. Nothing is written yet.`;
  });

  protected text(event: Event): string {
    return (event.target as HTMLTextAreaElement).value;
  }

  protected setCsv(csv: string): void {
    this.csv.set(csv);
    this.forgetPreview();
  }

  protected setChangeRoles(event: Event): void {
    this.changeRoles.set((event.target as HTMLInputElement).checked);
    this.forgetPreview();
  }

  protected chooseFile(event: Event): void {
    const file = (event.target as HTMLInputElement).files?.[0];
    this.fileProblem.set('');
    if (!file) return;
    if (file.size > MAX_CSV_BYTES) {
      this.fileProblem.set(
        `The file is ${Math.ceil(file.size / 1024)} kB; at most 2 MB is imported at once.`,
      );
      return;
    }
    file.text().then(
      (text) => this.setCsv(text),
      () => this.fileProblem.set('The file could not be read. Choose it again.'),
    );
  }

  protected rowText(row: AccountImportRow): string {
    return importRowText(row);
  }

  protected preview(): void {
    this.send(false);
  }

  protected apply(): void {
    this.send(true);
  }

  private send(apply: boolean): void {
    this.busy.set(true);
    this.busyText.set(apply ? 'Importing…' : 'Reading the file…');
    this.problem.set(null);
    this.refusal.set(null);
    const action = apply ? 'importing the accounts' : 'previewing the import';
    this.api.importAccounts(this.csv(), { apply, changeRoles: this.changeRoles() }).subscribe({
      next: (result) => {
        this.busy.set(false);
        this.result.set(result);
        setTimeout(() => document.getElementById('preview-heading')?.focus());
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.result.set(null);
        const status = error instanceof HttpErrorResponse ? error.status : -1;
        if (status === 400) {
          const outcome = refusedOutcome(status, (error as HttpErrorResponse).error, 'The file was refused.');
          if (outcome.kind === 'refused') this.refusal.set(outcome);
        } else {
          if (status === -1) console.error(error);
          this.problem.set(
            describeApiFailure(
              { status: Math.max(status, 0), error: (error as HttpErrorResponse)?.error },
              action,
            ),
          );
        }
      },
    });
  }

  private forgetPreview(): void {
    this.result.set(null);
    this.refusal.set(null);
    this.problem.set(null);
  }
}
