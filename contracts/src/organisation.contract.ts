/** The locales the dashboard formats numbers and dates in; the first is the default. */
export const ORGANISATION_LOCALES = ['nl-NL', 'en-GB'] as const;

export type OrganisationLocale = (typeof ORGANISATION_LOCALES)[number];

/** `GET /api/organisation`: the signed-in person's organisation, as every page formats with it. */
export interface OrganisationDto {
  id: string;
  name: string;
  /** IANA zone of the organisation's intervals and calendar days, e.g. Europe/Amsterdam. */
  timeZone: string;
  locale: OrganisationLocale;
  /** ISO 3166 alpha-2: whose holidays and event presets apply. */
  country: string;
}

/** `PUT /api/organisation` (admin): both fields, validated; the change is audited. */
export interface UpdateOrganisationRequest {
  timeZone: string;
  locale: OrganisationLocale;
}
