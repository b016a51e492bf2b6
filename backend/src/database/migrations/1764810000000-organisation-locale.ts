import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The organisation's locale, in which the dashboard writes numbers and dates (nl-NL by default,
 * en-GB available); until now the dashboard assumed nl-NL.
 */
export class OrganisationLocale1764810000000 implements MigrationInterface {
  name = 'OrganisationLocale1764810000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `alter table organisation add column locale text not null default 'nl-NL'
         constraint organisation_locale_supported check (locale in ('nl-NL', 'en-GB'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`alter table organisation drop column locale`);
  }
}
