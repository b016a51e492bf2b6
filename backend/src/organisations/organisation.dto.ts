import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';

import {
  ORGANISATION_LOCALES,
  type OrganisationLocale,
  type UpdateOrganisationRequest,
} from '@peakplan/contracts';

import { IsNotBlank } from '../common/not-blank';

export class UpdateOrganisationDto implements UpdateOrganisationRequest {
  /** Checked against the IANA database by the service (luxon and PostgreSQL must both know it). */
  @ApiProperty({ example: 'Europe/Amsterdam', maxLength: 100 })
  @IsString()
  @IsNotBlank()
  @MaxLength(100)
  timeZone!: string;

  @ApiProperty({ enum: ORGANISATION_LOCALES, example: 'nl-NL' })
  @IsIn(ORGANISATION_LOCALES, { message: `locale must be one of ${ORGANISATION_LOCALES.join(', ')}` })
  locale!: OrganisationLocale;
}
