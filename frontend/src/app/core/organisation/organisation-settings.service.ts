import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import {
  ORGANISATION_LOCALES,
  type OrganisationDto,
  type OrganisationLocale,
  type UpdateOrganisationRequest,
} from '@peakplan/contracts';
import { firstValueFrom, Observable, tap } from 'rxjs';

import { DEFAULT_ORGANISATION_FORMAT, useOrganisationFormat } from '../format/organisation-format';

/**
 * The signed-in person's organisation (`GET /api/organisation`), loaded once at sign-in (the
 * signed-in guard waits for it), so every page formats numbers and dates in its locale and zone.
 * It hands them to `organisation-format`, whose pure functions every page and chart already use.
 */
@Injectable({ providedIn: 'root' })
export class OrganisationSettings {
  private readonly http = inject(HttpClient);
  private readonly current = signal<OrganisationDto | null>(null);
  private pending: Promise<void> | null = null;

  readonly organisation = this.current.asReadonly();
  /** nl-NL until loaded (docs/domain.md's default, the first supported locale). */
  readonly locale = computed<OrganisationLocale>(() => this.current()?.locale ?? ORGANISATION_LOCALES[0]);
  readonly timeZone = computed(() => this.current()?.timeZone ?? DEFAULT_ORGANISATION_FORMAT.timeZone);

  /**
   * Asks once; later calls reuse the answer. When the server cannot say, pages keep the defaults
   * (nl-NL, Europe/Amsterdam) rather than not opening at all.
   */
  load(): Promise<void> {
    if (this.current()) return Promise.resolve();
    this.pending ??= firstValueFrom(this.http.get<OrganisationDto>('/api/organisation'))
      .then(
        (organisation) => this.use(organisation),
        (error: unknown) => console.warn('The organisation’s locale and time zone could not be read', error),
      )
      .finally(() => (this.pending = null));
    return this.pending;
  }

  /** An admin's change: from its answer on, every page formats with the new locale and zone. */
  update(request: UpdateOrganisationRequest): Observable<OrganisationDto> {
    return this.http.put<OrganisationDto>('/api/organisation', request).pipe(tap((saved) => this.use(saved)));
  }

  /** After sign-out: the next person may belong to another organisation. */
  forget(): void {
    this.current.set(null);
    useOrganisationFormat(DEFAULT_ORGANISATION_FORMAT);
  }

  private use(organisation: OrganisationDto): void {
    useOrganisationFormat(organisation);
    this.current.set(organisation);
  }
}
