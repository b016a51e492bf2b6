import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import type { CreateEventRequest, CreateQueueRequest, EventDto, QueueDto } from '@peakplan/contracts';
import { Observable, switchMap } from 'rxjs';

import { describeApiFailure } from '../core/api/api-failure-message';
import { LOADING, LoadState, toLoadState } from '../core/api/load-state';
import { PeakplanApi } from '../core/api/peakplan-api.service';
import { calendarDateIn } from '../core/dates/date-range';
import { OrganisationSettings } from '../core/organisation/organisation-settings.service';
import { EMPTY_EVENT_DRAFT, EventDraft, eventToDraft } from './event-draft';
import { EventFormComponent } from './event-form.component';
import { EventTableComponent } from './event-table.component';
import { EMPTY_QUEUE_DRAFT, QueueDraft, queueToDraft } from './queue-draft';
import { QueueFormComponent } from './queue-form.component';
import { QueueTableComponent } from './queue-table.component';

/** What is being edited, with the draft the form starts from (made once, so typing is never reset). */
type Editing =
  | { thing: 'queue'; queue: QueueDto | null; draft: QueueDraft }
  | { thing: 'event'; event: EventDto | null; draft: EventDraft };

/** Queues and events: create, edit and retire them; each event with its rule in words and its next date. */
@Component({
  selector: 'pp-queues-events-page',
  imports: [QueueFormComponent, QueueTableComponent, EventFormComponent, EventTableComponent],
  template: `
    <header class="page-header">
      <p class="eyebrow">Planning</p>
      <h1>Queues and events</h1>
      <p class="lead">
        The queues you plan and the events that shape their demand. Retired ones keep their history.
      </p>
    </header>
    @if (notice(); as text) {
      <p class="notice-text" role="status" data-testid="upkeep-notice">{{ text }}</p>
    }
    @if (pageProblem(); as text) {
      <div class="alert" role="alert">
        <p>{{ text }}</p>
      </div>
    }

    <section class="card" aria-labelledby="queues-heading">
      <div class="section-head">
        <h2 id="queues-heading">Queues</h2>
        <label class="check"
          ><input type="checkbox" [checked]="showRetired()" (change)="toggleRetired()" /> Show retired</label
        >
        <button type="button" class="button primary" (click)="editQueue(null)">New queue</button>
      </div>
      @if (editing(); as current) {
        @if (current.thing === 'queue') {
          <div class="editor">
            <pp-queue-form
              [initial]="current.draft"
              [heading]="current.queue ? 'Edit ' + current.queue.name : 'New queue'"
              [submitLabel]="current.queue ? 'Save queue' : 'Create queue'"
              [creating]="!current.queue"
              [saving]="saving()"
              [serverProblem]="serverProblem()"
              (saved)="saveQueue(current.queue, $event)"
              (cancelled)="stopEditing()"
            />
          </div>
        }
      }
      @switch (queues().status) {
        @case ('loading') {
          <p class="status" role="status"><span class="spinner" aria-hidden="true"></span>Loading queues…</p>
        }
        @case ('error') {
          <div class="alert" role="alert">
            <p>{{ errorOf(queues()) }}</p>
            <button type="button" class="button secondary" (click)="reload()">Try again</button>
          </div>
        }
        @case ('ready') {
          @if (queueList().length === 0) {
            <p class="empty">No queues yet. Create the first one.</p>
          } @else {
            <pp-queue-table
              [queues]="queueList()"
              [confirmRetire]="confirmRetire()"
              (edit)="editQueue($event)"
              (askRetire)="confirmRetire.set($event.id)"
              (retire)="retireQueue($event)"
            />
          }
        }
      }
    </section>

    <section class="card" aria-labelledby="events-heading">
      <div class="section-head">
        <h2 id="events-heading">Events</h2>
        <button type="button" class="button primary" (click)="editEvent(null)">New event</button>
      </div>
      @if (editing(); as current) {
        @if (current.thing === 'event') {
          <div class="editor">
            <pp-event-form
              [initial]="current.draft"
              [heading]="current.event ? 'Edit ' + current.event.name : 'New event'"
              [submitLabel]="current.event ? 'Save event' : 'Create event'"
              [today]="today"
              [saving]="saving()"
              [serverProblem]="serverProblem()"
              (saved)="saveEvent(current.event, $event)"
              (cancelled)="stopEditing()"
            />
          </div>
        }
      }
      @switch (events().status) {
        @case ('loading') {
          <p class="status" role="status"><span class="spinner" aria-hidden="true"></span>Loading events…</p>
        }
        @case ('error') {
          <div class="alert" role="alert">
            <p>{{ errorOf(events()) }}</p>
            <button type="button" class="button secondary" (click)="reload()">Try again</button>
          </div>
        }
        @case ('ready') {
          @if (eventList().length === 0) {
            <p class="empty">
              No events yet. Add the peaks that drive your demand (Valentine's Day, Christmas, a campaign).
            </p>
          } @else {
            <pp-event-table
              [events]="eventList()"
              [today]="today"
              [confirmRetire]="confirmRetire()"
              (edit)="editEvent($event)"
              (askRetire)="confirmRetire.set($event.id)"
              (retire)="retireEvent($event)"
            />
          }
        }
      }
    </section>
  `,
  styles: `
    .section-head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.75rem 1rem;
      margin-bottom: 0.75rem;
    }
    .section-head h2 {
      margin: 0 auto 0 0;
    }
    .check {
      font-size: 0.875rem;
      display: flex;
      gap: 0.35rem;
      align-items: center;
    }
    .editor {
      border: 1px solid var(--accent-soft);
      background: #f8fbff;
      border-radius: 8px;
      padding: 1rem;
      margin-bottom: 1rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class QueuesEventsPage {
  private readonly api = inject(PeakplanApi);

  protected readonly today = calendarDateIn(new Date(), inject(OrganisationSettings).timeZone());
  protected readonly showRetired = signal(false);
  private readonly attempt = signal(0);
  protected readonly editing = signal<Editing | null>(null);
  protected readonly saving = signal(false);
  protected readonly serverProblem = signal<string | null>(null);
  protected readonly notice = signal<string | null>(null);
  protected readonly pageProblem = signal<string | null>(null);
  protected readonly confirmRetire = signal<string | null>(null);

  private readonly request = computed(() => ({ retired: this.showRetired(), attempt: this.attempt() }));

  protected readonly queues = toSignal(
    toObservable(this.request).pipe(
      switchMap(({ retired }) => toLoadState(this.api.queues(retired), 'loading the queues')),
    ),
    { initialValue: LOADING as LoadState<QueueDto[]> },
  );
  protected readonly events = toSignal(
    toObservable(this.request).pipe(
      switchMap(({ retired }) => toLoadState(this.api.events(retired), 'loading the events')),
    ),
    { initialValue: LOADING as LoadState<EventDto[]> },
  );
  protected readonly queueList = computed(() => {
    const state = this.queues();
    return state.status === 'ready' ? state.value : [];
  });
  protected readonly eventList = computed(() => {
    const state = this.events();
    return state.status === 'ready' ? state.value : [];
  });

  protected errorOf(state: LoadState<unknown>): string {
    return state.status === 'error' ? state.message : '';
  }

  protected editQueue(queue: QueueDto | null): void {
    this.edit({ thing: 'queue', queue, draft: queue ? queueToDraft(queue) : EMPTY_QUEUE_DRAFT });
  }

  protected editEvent(event: EventDto | null): void {
    this.edit({ thing: 'event', event, draft: event ? eventToDraft(event) : EMPTY_EVENT_DRAFT });
  }

  protected toggleRetired(): void {
    this.showRetired.update((shown) => !shown);
  }

  protected reload(): void {
    this.attempt.update((count) => count + 1);
  }

  private edit(editing: Editing): void {
    this.serverProblem.set(null);
    this.notice.set(null);
    this.pageProblem.set(null);
    this.confirmRetire.set(null);
    this.editing.set(editing);
  }

  protected stopEditing(): void {
    this.editing.set(null);
    this.serverProblem.set(null);
  }

  protected saveQueue(queue: QueueDto | null, request: CreateQueueRequest): void {
    const { intervalMinutes: _fixed, ...changes } = request;
    this.run(
      queue ? this.api.updateQueue(queue.id, changes) : this.api.createQueue(request),
      queue ? `saving queue ${request.name}` : `creating queue ${request.name}`,
      `Queue ${request.name} ${queue ? 'saved' : 'created'}.`,
    );
  }

  protected saveEvent(event: EventDto | null, request: CreateEventRequest): void {
    this.run(
      event ? this.api.updateEvent(event.id, request) : this.api.createEvent(request),
      event ? `saving event ${request.name}` : `creating event ${request.name}`,
      `Event ${request.name} ${event ? 'saved' : 'created'}.`,
    );
  }

  protected retireQueue(queue: QueueDto): void {
    this.run(this.api.retireQueue(queue.id), `retiring queue ${queue.name}`, `Queue ${queue.name} retired.`);
  }

  protected retireEvent(event: EventDto): void {
    this.run(this.api.retireEvent(event.id), `retiring event ${event.name}`, `Event ${event.name} retired.`);
  }

  private run(call: Observable<unknown>, action: string, done: string): void {
    this.saving.set(true);
    this.serverProblem.set(null);
    this.pageProblem.set(null);
    call.subscribe({
      next: () => {
        this.saving.set(false);
        this.editing.set(null);
        this.confirmRetire.set(null);
        this.notice.set(done);
        this.reload();
      },
      error: (error: unknown) => {
        this.saving.set(false);
        const status = error instanceof HttpErrorResponse ? error.status : -1;
        const body = error instanceof HttpErrorResponse ? error.error : undefined;
        const message = describeApiFailure({ status, error: body }, action);
        if (this.editing()) this.serverProblem.set(message);
        else this.pageProblem.set(message);
      },
    });
  }
}
