import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { ORGANISATION_LOCALES, type OrganisationLocale } from '@peakplan/contracts';

import { describeApiFailure } from '../../core/api/api-failure-message';
import { formatCalendarDate, formatInstant, formatNumber } from '../../core/format/organisation-format';
import { OrganisationSettings } from '../../core/organisation/organisation-settings.service';

const LOCALE_NAMES: Record<OrganisationLocale, string> = {
  'nl-NL': 'Nederlands (nl-NL)',
  'en-GB': 'English, United Kingdom (en-GB)',
};

/** A fixed moment for the example line, so it shows the difference a setting makes and nothing else. */
const EXAMPLE_DAY = '2026-02-14';
const EXAMPLE_INSTANT = '2026-02-14T08:15:00Z';

/** Every IANA zone the browser knows, for the zone field's suggestions. */
function knownZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['Europe/Amsterdam', 'Europe/Brussels', 'Europe/London'];
  }
}

/**
 * The organisation's time zone and locale, which every page formats numbers, dates and times with.
 * An example line shows the choice before it is saved.
 */
@Component({
  selector: 'pp-organisation-settings-page',
  template: `
    <header class="page-header">
      <p class="eyebrow">Admin</p>
      <h1>Organisation</h1>
      <p class="lead">
        {{ organisation()?.name ?? 'Your organisation' }}: the time zone its days and intervals are in, and
        the way every page writes numbers and dates.
      </p>
    </header>

    <section class="card" aria-labelledby="settings-heading">
      <h2 id="settings-heading">Time zone and locale</h2>
      <form (submit)="save($event)" novalidate>
        <div class="form-grid">
          <label class="field">
            Time zone (IANA)
            <input
              name="timeZone"
              list="time-zones"
              autocomplete="off"
              [value]="timeZone()"
              (input)="timeZone.set(text($event))"
              aria-describedby="zone-hint"
            />
            <span class="hint" id="zone-hint"
              >For example Europe/Amsterdam. Changing it changes which day each interval of the history,
              forecasts and reports falls on.</span
            >
            <datalist id="time-zones">
              @for (zone of zones; track zone) {
                <option [value]="zone"></option>
              }
            </datalist>
          </label>
          <label class="field">
            Locale
            <select name="locale" (change)="locale.set(asLocale($event))">
              @for (choice of locales; track choice) {
                <option [value]="choice" [selected]="choice === locale()">{{ localeName(choice) }}</option>
              }
            </select>
          </label>
        </div>
        <p class="muted" data-testid="locale-example">Example: {{ example() }}</p>
        <p class="problem-text" role="alert">{{ problem() }}</p>
        <div class="form-actions">
          <button type="submit" class="button primary" [disabled]="busy() || !changed()">Save</button>
        </div>
        <p role="status" aria-live="polite" class="notice-text">{{ answer() }}</p>
      </form>
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrganisationSettingsPage {
  private readonly settings = inject(OrganisationSettings);
  protected readonly organisation = this.settings.organisation;
  protected readonly zones = knownZones();
  protected readonly locales = ORGANISATION_LOCALES;

  protected readonly timeZone = signal(this.settings.timeZone());
  protected readonly locale = signal<OrganisationLocale>(this.settings.locale());
  protected readonly changed = computed(
    () => this.timeZone().trim() !== this.settings.timeZone() || this.locale() !== this.settings.locale(),
  );
  protected readonly example = computed(() => {
    const locale = this.locale();
    let instant = '–';
    try {
      instant = formatInstant(EXAMPLE_INSTANT, locale, this.timeZone().trim());
    } catch {
      // Not a zone (yet, while typing): the server names the problem on save.
    }
    return `${formatCalendarDate(EXAMPLE_DAY, 'long', locale)} · ${formatNumber(12345.6, 1, locale)} · 08:15 UTC is ${instant}`;
  });
  protected readonly busy = signal(false);
  protected readonly problem = signal('');
  protected readonly answer = signal('');

  protected text(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected asLocale(event: Event): OrganisationLocale {
    const value = (event.target as HTMLSelectElement).value;
    return ORGANISATION_LOCALES.find((locale) => locale === value) ?? ORGANISATION_LOCALES[0];
  }

  protected localeName(locale: OrganisationLocale): string {
    return LOCALE_NAMES[locale];
  }

  protected save(event: Event): void {
    event.preventDefault();
    const timeZone = this.timeZone().trim();
    if (!timeZone) {
      this.problem.set('Time zone: choose an IANA zone such as Europe/Amsterdam.');
      return;
    }
    this.busy.set(true);
    this.problem.set('');
    this.answer.set('');
    this.settings.update({ timeZone, locale: this.locale() }).subscribe({
      next: (saved) => {
        this.busy.set(false);
        this.timeZone.set(saved.timeZone);
        this.answer.set(
          `Saved: every page now writes in ${LOCALE_NAMES[saved.locale]}, on ${saved.timeZone} time.`,
        );
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const status = error instanceof HttpErrorResponse ? error.status : 0;
        this.problem.set(
          describeApiFailure({ status, error: (error as HttpErrorResponse)?.error }, 'saving the settings'),
        );
      },
    });
  }
}
