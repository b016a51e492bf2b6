import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import type { DepartmentCapDto } from '@peakplan/contracts';

import { describeApiFailure } from '../../core/api/api-failure-message';
import { LOADING, LoadState, toLoadState } from '../../core/api/load-state';
import { AuthService } from '../../core/auth/auth.service';
import { ManagementApi } from '../management-api.service';
import { capDraftOf, capRequestOf, capText, type CapDraft, type CapKind } from './approval-text';

/**
 * The department cap (most people away in the pool at once): every department's the manager sees,
 * and a form for their own. Reads and saves it itself; tells the page when it is busy and when saved.
 */
@Component({
  selector: 'pp-department-cap',
  template: `
    <section class="card" aria-labelledby="cap-heading">
      <h2 id="cap-heading">Department cap</h2>
      @switch (caps().status) {
        @case ('loading') {
          <p class="status" role="status"><span class="spinner" aria-hidden="true"></span>Loading the cap…</p>
        }
        @case ('error') {
          <div class="alert" role="alert">
            <p>{{ errorText() }}</p>
          </div>
        }
      }
      @for (cap of capList(); track cap.departmentId) {
        <p data-testid="cap-text">
          @if (capList().length > 1) {
            <strong>{{ cap.department }}:</strong>
          }
          {{ describeCap(cap) }}
        </p>
      }
      @if (ownCap(); as cap) {
        <form class="cap-form" (submit)="saveCap(cap, $event)">
          <fieldset>
            <legend>Change the cap of {{ cap.department }}</legend>
            <div class="choices">
              @for (choice of capChoices; track choice.kind) {
                <label class="check">
                  <input
                    type="radio"
                    name="cap-kind"
                    [value]="choice.kind"
                    [checked]="capDraft().kind === choice.kind"
                    (change)="setCapKind(choice.kind)"
                  />
                  {{ choice.label }}
                </label>
              }
            </div>
            @if (capDraft().kind !== 'none') {
              <label class="field cap-value">
                {{
                  capDraft().kind === 'people'
                    ? 'Most people away at once'
                    : 'Most away at once, % of your people'
                }}
                <input
                  type="text"
                  inputmode="decimal"
                  [value]="capDraft().value"
                  (input)="setCapValue($event)"
                  [attr.aria-invalid]="capProblem() ? true : null"
                  aria-describedby="cap-problem"
                />
              </label>
            }
            <p id="cap-problem" class="problem-text" role="alert">{{ capProblem() }}</p>
            <button type="submit" class="button primary" [disabled]="disabled()">Save the cap</button>
          </fieldset>
        </form>
      }
    </section>
  `,
  styles: `
    :host {
      display: block;
    }
    .alert {
      margin-bottom: 1rem;
    }
    .button {
      min-height: 40px;
    }
    fieldset {
      border: 1px solid var(--border);
      border-radius: var(--radius);
      padding: 0.75rem 1rem;
      margin: 0.5rem 0 0;
      min-width: 0;
    }
    legend {
      font-weight: 600;
      padding: 0 0.25rem;
    }
    .choices {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1.25rem;
      margin-bottom: 0.5rem;
    }
    .check {
      display: flex;
      gap: 0.35rem;
      align-items: center;
    }
    .cap-value {
      max-width: 16rem;
    }
    .problem-text:empty {
      display: none;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DepartmentCapComponent {
  private readonly api = inject(ManagementApi);
  private readonly user = inject(AuthService).user;

  /** Only a department's own manager changes its cap (the server refuses anyone else). */
  readonly mayDecide = input.required<boolean>();
  /** While the page (or this form) is busy with a change, the save button waits. */
  readonly disabled = input(false);
  readonly busy = output<boolean>();
  /** The sentence to announce once the cap is saved. */
  readonly saved = output<string>();

  protected readonly caps = signal<LoadState<DepartmentCapDto[]>>(LOADING);
  protected readonly capList = computed(() => {
    const state = this.caps();
    return state.status === 'ready' ? state.value : [];
  });
  protected readonly errorText = computed(() => {
    const state = this.caps();
    return state.status === 'error' ? state.message : '';
  });
  /** The cap this manager may change: their own department's. */
  protected readonly ownCap = computed(() =>
    this.mayDecide()
      ? (this.capList().find((cap) => cap.department === this.user()?.department) ?? null)
      : null,
  );
  protected readonly capDraft = signal<CapDraft>({ kind: 'none', value: '' });
  protected readonly capProblem = signal('');
  protected readonly capChoices: { kind: CapKind; label: string }[] = [
    { kind: 'none', label: 'No cap' },
    { kind: 'people', label: 'A number of people' },
    { kind: 'share', label: 'A share of the department' },
  ];

  constructor() {
    this.loadCaps();
  }

  private loadCaps(): void {
    toLoadState(this.api.departmentCaps(), 'loading the department cap').subscribe((state) => {
      this.caps.set(state);
      if (state.status !== 'ready') return;
      const own = this.ownCap();
      if (own) this.capDraft.set(capDraftOf(own));
    });
  }

  protected setCapKind(kind: CapKind): void {
    this.capDraft.update((draft) => ({ ...draft, kind }));
    this.capProblem.set('');
  }

  protected setCapValue(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.capDraft.update((draft) => ({ ...draft, value }));
  }

  protected saveCap(cap: DepartmentCapDto, event: Event): void {
    event.preventDefault();
    const outcome = capRequestOf(this.capDraft());
    if ('problem' in outcome) {
      this.capProblem.set(outcome.problem);
      return;
    }
    this.capProblem.set('');
    this.busy.emit(true);
    this.api.setDepartmentCap(cap.departmentId, outcome.request).subscribe({
      next: (saved) => {
        this.busy.emit(false);
        this.saved.emit(`Cap saved. ${capText(saved)}`);
        this.loadCaps();
      },
      error: (error: unknown) => {
        this.busy.emit(false);
        const status = error instanceof HttpErrorResponse ? error.status : -1;
        const body = error instanceof HttpErrorResponse ? error.error : undefined;
        this.capProblem.set(describeApiFailure({ status, error: body }, 'saving the cap'));
      },
    });
  }

  protected describeCap(cap: DepartmentCapDto): string {
    return capText(cap);
  }
}
