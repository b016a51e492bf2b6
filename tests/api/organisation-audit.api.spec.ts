import { DateTime } from 'luxon';
import request from 'supertest';

import type { AccountImportResult, AuditEventDto, OrganisationDto } from '@peakplan/contracts';

import { signIn, type SignedIn } from '../support/sign-in';
import { startTestService, type TestService } from '../support/test-service';

describe('the organisation’s zone and locale, and the audit trail’s filters, on the real app and database', () => {
  let service: TestService;
  let admin: SignedIn;
  let member: SignedIn;

  const auditOf = async (query: string): Promise<AuditEventDto[]> =>
    (await request(service.url).get(`/api/audit?${query}`).set(admin.bearer).expect(200)).body;

  beforeAll(async () => {
    service = await startTestService({ demoHistoryDays: 7, today: '2026-03-01' });
    admin = await signIn(service.url, 'admin@peakplan.test');
    member = await signIn(service.url, 'member001@peakplan.test');
  });
  afterAll(() => service?.stop());

  it('tells every signed-in person the organisation’s zone and locale: nl-NL until an admin changes it', async () => {
    const organisation = (await request(service.url).get('/api/organisation').set(member.bearer).expect(200))
      .body as OrganisationDto;
    expect(organisation).toMatchObject({ timeZone: 'Europe/Amsterdam', locale: 'nl-NL', country: 'NL' });
    await request(service.url).get('/api/organisation').expect(401);
    await request(service.url)
      .put('/api/organisation')
      .set(member.bearer)
      .send({ timeZone: 'Europe/London', locale: 'en-GB' })
      .expect(403);
  });

  it('refuses a zone that is not IANA or a locale not offered, naming the field, and writes nothing', async () => {
    const badZone = await request(service.url)
      .put('/api/organisation')
      .set(admin.bearer)
      .send({ timeZone: 'Europe/Atlantis', locale: 'en-GB' })
      .expect(400);
    expect(badZone.body.message).toMatch(/timeZone must be an IANA time zone/);
    expect(badZone.body.details).toEqual([{ field: 'timeZone', reason: 'not an IANA time zone' }]);
    const badLocale = await request(service.url)
      .put('/api/organisation')
      .set(admin.bearer)
      .send({ timeZone: 'Europe/London', locale: 'fr-FR' })
      .expect(400);
    expect(JSON.stringify(badLocale.body)).toMatch(/locale must be one of nl-NL, en-GB/);
    const [row] = await service.dataSource.query(`select time_zone, locale from organisation`);
    expect(row).toEqual({ time_zone: 'Europe/Amsterdam', locale: 'nl-NL' });
    expect(await auditOf('entityType=organisation')).toEqual([]);
  });

  it('lets an admin switch to en-GB and London, audited once; the same request again changes nothing', async () => {
    const changed = await request(service.url)
      .put('/api/organisation')
      .set(admin.bearer)
      .send({ timeZone: ' Europe/London ', locale: 'en-GB' })
      .expect(200);
    expect(changed.body).toMatchObject({ timeZone: 'Europe/London', locale: 'en-GB' });
    const seen = (await request(service.url).get('/api/organisation').set(member.bearer).expect(200)).body;
    expect(seen).toMatchObject({ timeZone: 'Europe/London', locale: 'en-GB' });
    await request(service.url)
      .put('/api/organisation')
      .set(admin.bearer)
      .send({ timeZone: 'Europe/London', locale: 'en-GB' })
      .expect(200);
    const events = await auditOf('entityType=organisation');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'organisation.updated',
      actorEmail: 'admin@peakplan.test',
      before: { timeZone: 'Europe/Amsterdam', locale: 'nl-NL' },
      after: { timeZone: 'Europe/London', locale: 'en-GB' },
    });
    // Back, so the tests below read days in Amsterdam again.
    await request(service.url)
      .put('/api/organisation')
      .set(admin.bearer)
      .send({ timeZone: 'Europe/Amsterdam', locale: 'nl-NL' })
      .expect(200);
  });

  it('filters the trail by actor, entity and day, and pages through one transaction’s events without a gap', async () => {
    const csv = [
      'name,email,department,roles',
      'Pim Een,pim.een@peakplan.test,Finance,pool-member',
      'Pam Twee,pam.twee@peakplan.test,Finance,pool-member',
      'Pom Drie,pom.drie@peakplan.test,Finance,pool-member',
    ].join('\n');
    const applied = (
      await request(service.url)
        .post('/api/accounts/import?apply=true')
        .set(admin.bearer)
        .set('Content-Type', 'text/csv')
        .send(csv)
        .expect(200)
    ).body as AccountImportResult;
    expect(applied.created).toBe(3);

    // Events that share one timestamp (as a transaction's can, to the microsecond): paging by time
    // alone would skip some of them.
    await service.dataSource.query(
      `update audit_event set at = (select max(at) from audit_event where action = 'account.created')
        where action = 'account.created' and entity_id in (select id::text from app_user where email like 'p_m.%')`,
    );
    const all = await auditOf('actor=ADMIN@peakplan&entityType=account&action=account.created');
    expect(all.length).toBeGreaterThanOrEqual(3);
    expect(new Set(all.slice(0, 3).map((event) => event.at)).size).toBe(1);
    expect(all.every((event) => event.actorEmail === 'admin@peakplan.test')).toBe(true);
    expect(await auditOf('actor=nobody-like-this')).toEqual([]);
    // `%` and `_` are letters to the actor filter, not wildcards.
    expect(await auditOf('actor=%25')).toEqual([]);

    // Paging one at a time with beforeId visits every event once, in order.
    const paged: string[] = [];
    let cursor = '';
    for (let page = 0; page < all.length + 1; page++) {
      const [next] = await auditOf(
        `actor=admin&entityType=account&action=account.created&limit=1${cursor ? `&beforeId=${cursor}` : ''}`,
      );
      if (!next) break;
      paged.push(next.id);
      cursor = next.id;
    }
    expect(paged).toEqual(all.map((event) => event.id));

    // Days are the organisation's (Europe/Amsterdam): the import's own day holds it, the next day does not.
    const day = DateTime.fromISO(all[0].at).setZone('Europe/Amsterdam').toISODate()!;
    const nextDay = DateTime.fromISO(day).plus({ days: 1 }).toISODate()!;
    const onTheDay = await auditOf(`from=${day}&to=${day}&entityType=account&limit=500`);
    expect(onTheDay.map((event) => event.id)).toEqual(expect.arrayContaining(all.map((event) => event.id)));
    expect(await auditOf(`from=${nextDay}&entityType=account`)).toEqual([]);
    expect(
      await auditOf(`to=${DateTime.fromISO(day).minus({ days: 1 }).toISODate()}&entityType=account`),
    ).toEqual([]);

    const refused = await request(service.url)
      .get('/api/audit?from=2026-02-30')
      .set(admin.bearer)
      .expect(400);
    expect(JSON.stringify(refused.body)).toMatch(/from must be a real calendar date/);
    await request(service.url).get('/api/audit?beforeId=not-an-id').set(admin.bearer).expect(400);
  });
});
