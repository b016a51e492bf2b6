import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { AuditEventDto } from '@peakplan/contracts';
import { catchError, map, of } from 'rxjs';

import { toLoadState } from '../../core/api/load-state';
import { formatInstant } from '../../core/format/organisation-format';
import { OrganisationSettings } from '../../core/organisation/organisation-settings.service';
import { AdminApi, AUDIT_PAGE_SIZE, type AuditFilter } from '../admin-api.service';
import { auditActionText, auditChangeText, auditEntityText } from '../admin-text';

const NO_FILTER: AuditFilter = { actor: '', entityType: '', from: '', to: '' };

/** The kinds of thing the trail records, for the filter's list (any other can be typed). */
const ENTITY_TYPES = [
  'account',
  'organisation',
  'department',
  'queue',
  'event',
  'scenario',
  'staffing-plan',
  'peak-review',
  'pool-shift',
  'pool-allocation',
  'pool-reward',
  'pool-redemption',
];

/**
 * The audit trail, newest first: who did what to which account or setting, and when, with the fields
 * that changed; filtered by who, what kind of thing and which days, a page at a time.
 */
@Component({
  selector: 'pp-audit-trail-page',
  template: `
    <header class="page-header">
      <p class="eyebrow">Admin</p>
      <h1>Audit trail</h1>
      <p class="lead">Every change, newest first. Days and times are {{ timeZone }}.</p>
    </header>

    <section class="card" aria-labelledby="filter-heading">
      <h2 id="filter-heading">Filter</h2>
      <form (submit)="apply($event)">
        <div class="form-grid">
          <label class="field">
            Who (part of the email)
            <input name="actor" [value]="draft().actor" (input)="set('actor', $event)" />
          </label>
          <label class="field">
            What kind of thing
            <input
              name="entityType"
              list="entity-types"
              [value]="draft().entityType"
              (input)="set('entityType', $event)"
            />
            <datalist id="entity-types">
              @for (type of entityTypes; track type) {
                <option [value]="type"></option>
              }
            </datalist>
          </label>
          <label class="field">
            From (day)
            <input name="from" type="date" [value]="draft().from" (input)="set('from', $event)" />
          </label>
          <label class="field">
            To (day, inclusive)
            <input name="to" type="date" [value]="draft().to" (input)="set('to', $event)" />
          </label>
        </div>
        <div class="form-actions">
          <button type="submit" class="button primary">Show</button>
          <button type="button" class="button secondary" (click)="clear()">Clear the filter</button>
        </div>
      </form>
    </section>

    <section class="card" aria-labelledby="events-heading">
      <h2 id="events-heading">Events</h2>
      @if (events().length > 0) {
        <div class="table-scroll">
          <table class="table" aria-label="Audit events">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">About</th>
                <th scope="col">Changes</th>
              </tr>
            </thead>
            <tbody>
              @for (event of events(); track event.id) {
                <tr [attr.data-action]="event.action">
                  <td class="when">{{ when(event) }}</td>
                  <td>{{ event.actorEmail ?? 'PeakPlan itself' }}</td>
                  <td>{{ action(event) }}</td>
                  <td>{{ entity(event) }}</td>
                  <td>
                    @for (line of changes(event); track $index) {
                      <div class="change">{{ line }}</div>
                    } @empty {
                      <span class="muted">–</span>
                    }
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
      @switch (status()) {
        @case ('loading') {
          <p class="status" role="status">
            <span class="spinner" aria-hidden="true"></span>Loading the events…
          </p>
        }
        @case ('error') {
          <div class="alert" role="alert">
            <p>{{ problem() }}</p>
            <button type="button" class="button secondary" (click)="more()">Try again</button>
          </div>
        }
        @case ('ready') {
          @if (events().length === 0) {
            <p class="empty">No event matches this filter.</p>
          } @else if (hasMore()) {
            <button type="button" class="button secondary" (click)="more()">Older events</button>
          } @else {
            <p class="muted">
              {{ events().length }} event{{ events().length === 1 ? '' : 's' }}: that is all.
            </p>
          }
        }
      }
    </section>
  `,
  styles: `
    .when {
      white-space: nowrap;
    }
    .change {
      font-size: 0.8125rem;
      /* Ids and long values break inside the cell instead of widening the table past the page. */
      overflow-wrap: anywhere;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditTrailPage {
  private readonly api = inject(AdminApi);
  protected readonly timeZone = inject(OrganisationSettings).timeZone();
  protected readonly entityTypes = ENTITY_TYPES;
  /** Emails by account id, to name the accounts of events that carry no email (a password reset). */
  private readonly accountEmails = toSignal(
    this.api.accounts().pipe(
      map((accounts) => new Map(accounts.map((account) => [account.id, account.email]))),
      catchError(() => of(new Map<string, string>())),
    ),
    { initialValue: new Map<string, string>() },
  );

  protected readonly draft = signal<AuditFilter>(NO_FILTER);
  private filter: AuditFilter = NO_FILTER;
  protected readonly events = signal<AuditEventDto[]>([]);
  protected readonly status = signal<'loading' | 'ready' | 'error'>('loading');
  protected readonly problem = signal('');
  protected readonly hasMore = signal(false);
  /** Answers to an older filter are dropped. */
  private generation = 0;

  constructor() {
    this.load(true);
  }

  protected set(field: keyof AuditFilter, event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.draft.update((draft) => ({ ...draft, [field]: value }));
  }

  protected apply(event: Event): void {
    event.preventDefault();
    this.filter = this.draft();
    this.load(true);
  }

  protected clear(): void {
    this.draft.set(NO_FILTER);
    this.filter = NO_FILTER;
    this.load(true);
  }

  protected more(): void {
    this.load(false);
  }

  private load(fresh: boolean): void {
    const generation = fresh ? ++this.generation : this.generation;
    if (fresh) this.events.set([]);
    const last = this.events().at(-1)?.id ?? null;
    toLoadState(this.api.audit(this.filter, last), 'loading the audit trail').subscribe((state) => {
      if (generation !== this.generation) return;
      this.status.set(state.status === 'idle' ? 'loading' : state.status);
      if (state.status === 'error') this.problem.set(state.message);
      if (state.status === 'ready') {
        this.events.update((shown) => [...shown, ...state.value]);
        this.hasMore.set(state.value.length === AUDIT_PAGE_SIZE);
      }
    });
  }

  protected when(event: AuditEventDto): string {
    return formatInstant(event.at);
  }

  protected action(event: AuditEventDto): string {
    return auditActionText(event.action);
  }

  protected entity(event: AuditEventDto): string {
    return auditEntityText(event, this.accountEmails());
  }

  protected changes(event: AuditEventDto): string[] {
    return auditChangeText(event);
  }
}
