/* Issue 11: a property-based fuzz test (fast-check) generated from the OpenAPI document the app serves.
 * Every documented operation — so routes added later are covered without touching this file — is called
 * as each role and anonymously with malformed path ids, query strings and bodies. Nothing may answer
 * 5xx or hang, every refusal is in the API's error shape, and no table changes (the bodies are always
 * malformed, the ids unknown). Runs per operation and role: FUZZ_RUNS (default 6, ~1,500 requests, ~20 s); seed: FUZZ_SEED. */
import fc from 'fast-check';
import request from 'supertest';

import { sessionHeaders } from '../support/sign-in';
import { startTestService, type TestService } from '../support/test-service';

interface OpenApiSchema {
  $ref?: string;
  properties?: Record<string, OpenApiSchema>;
}

interface OpenApiOperation {
  parameters?: { name: string; in: 'path' | 'query' | 'header'; schema?: OpenApiSchema }[];
  requestBody?: { content?: Record<string, { schema?: OpenApiSchema }> };
}

interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, OpenApiSchema> };
}

interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** The OpenAPI template, e.g. /api/queues/{id}. */
  path: string;
  pathParams: string[];
  queryParams: string[];
  bodyFields: string[];
  takesBody: boolean;
  /** The operation takes a text body (CSV uploads) rather than JSON. */
  takesText: boolean;
}

interface FuzzRequest {
  path: string;
  query: string;
  body?: { contentType: string; text: string };
}

const CALLERS: { name: string; email: string | null }[] = [
  { name: 'admin', email: 'admin@peakplan.test' },
  { name: 'planner', email: 'planner@peakplan.test' },
  { name: 'manager', email: 'manager@peakplan.test' },
  { name: 'pool-member', email: 'member001@peakplan.test' },
  { name: 'anonymous', email: null },
];

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 6);
const SEED = Number(process.env['FUZZ_SEED'] ?? Date.now() % 2 ** 31);
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
/**
 * Tables whose rows a refused request may legitimately touch: the fuzz's own sessions, and the
 * sign-in rate limit's counters (every sign-in attempt counts, refused or not: that is their job).
 */
const UNWATCHED_TABLES = new Set(['user_session', 'migrations', 'rate_limit_hit']);
/** Rows a refusal writes by design: a refused history import keeps its report for the client to read. */
const WATCHED_ROWS: Record<string, string> = { history_import: `where status <> 'refused'` };

function operationsOf(document: OpenApiDocument): Operation[] {
  const schemas = document.components?.schemas ?? {};
  const fieldsOf = (schema: OpenApiSchema | undefined): string[] => {
    const resolved = schema?.$ref ? schemas[schema.$ref.split('/').pop()!] : schema;
    return Object.keys(resolved?.properties ?? {});
  };
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => {
      const operation = item[method]!;
      const parameters = operation.parameters ?? [];
      const content = operation.requestBody?.content ?? {};
      const bodyFields = fieldsOf(content['application/json']?.schema);
      const takesText = Object.keys(content).some((type) => type.startsWith('text/'));
      return {
        method,
        path,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: parameters.filter((p) => p.in === 'query').map((p) => p.name),
        bodyFields,
        takesBody: bodyFields.length > 0 || takesText,
        takesText,
      };
    }),
  );
}

// Values of the wrong type, out of range, impossible, or text PeakPlan must not store.
const hostileText = fc.constantFrom(
  '',
  ' \t\n ',
  'a\u0000b',
  '\u0007',
  '\ud800',
  'x\udc00',
  '😀',
  'x'.repeat(5000),
  '2026-02-30',
  '0000-01-01',
  '9999-12-31',
  '1900-01-01',
  '2024-02-29T25:61:00+01:00',
  '24:60',
  'NaN',
  '-1',
  '1e400',
  '__proto__',
  'constructor',
  'admin',
  "'; drop table app_user; --",
  '00000000-0000-0000-0000-000000000000',
);
const anyText = fc.oneof(
  hostileText,
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
const scalar = fc.oneof(
  anyText,
  fc.constantFrom(null, true, false, 0, -1, 1e308, -1e308, 2 ** 53, 0.5, 10_000),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.uuid(),
);
const { value: jsonValue } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(anyText, tie('value'), { maxKeys: 4 }),
  ),
}));

function nested(depth: number): unknown {
  let value: unknown = 'deep';
  for (let level = 0; level < depth; level++) value = level % 2 ? [value] : { a: value };
  return value;
}

const RAW_JSON = [
  '{"a":',
  '{"a":1}}',
  '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[',
  '{"__proto__":{"roles":["admin"]}}',
  '{"constructor":{"prototype":{"x":1}}}',
  'null',
  '"just a string"',
  '\u0000',
  '{"a":"\\ud800"}',
  '{"a\\u0000":1}',
  `{"k":${JSON.stringify(nested(200))}}`,
  JSON.stringify(Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`k${i}`, i]))),
];

/** A JSON body that no route accepts: an unknown field beside hostile values, or a broken document. */
function malformedJson(fields: string[]): fc.Arbitrary<string> {
  const withUnknownField = fc
    .tuple(
      fc.record(Object.fromEntries(fields.map((field) => [field, jsonValue])), { requiredKeys: [] }),
      fc
        .string({ minLength: 1, maxLength: 12 })
        .filter((key) => !fields.includes(key) && key !== '__proto__'),
      jsonValue,
    )
    .map(([known, unknownKey, unknownValue]) => JSON.stringify({ ...known, [unknownKey]: unknownValue }));
  const notAnObject = fc
    .oneof(scalar, fc.array(jsonValue, { maxLength: 5 }))
    .map((value) => JSON.stringify(value));
  return fc.oneof(withUnknownField, notAnObject, fc.constantFrom(...RAW_JSON));
}

function bodyFor(operation: Operation): fc.Arbitrary<FuzzRequest['body']> {
  const json = fc.record({
    contentType: fc.constantFrom(
      'application/json',
      'application/json; charset=utf-8',
      'application/json; charset=klingon',
      'application/json; charset=latin1',
    ),
    text: malformedJson(operation.bodyFields),
  });
  if (!operation.takesText) return json;
  // A CSV upload: garbage, a header without rows, a wrong header, or JSON sent to it.
  const csv = fc.record({
    contentType: fc.constantFrom('text/csv', 'text/csv; charset=utf-16', 'text/plain'),
    text: fc.oneof(
      anyText,
      fc.constantFrom(
        '\ufeffqueue,start,offered\r\n',
        'a,b,c\n1,2,3\n',
        '"unclosed\n',
        'queue,start,offered\nphone,2026-02-30,1\n',
      ),
    ),
  });
  return fc.oneof(json, csv);
}

/** Percent-encoding that survives lone surrogates (sent as U+FFFD; raw %ED%A0%80 covers them in URLs). */
const encode = (text: string) => encodeURIComponent(Buffer.from(text, 'utf8').toString('utf8'));

const pathSegment = fc.oneof(
  fc.uuid(),
  fc.constantFrom(
    '0',
    '-1',
    'null',
    '%00',
    '%ED%A0%80',
    '%ZZ',
    '..',
    '%2F',
    'x'.repeat(300),
    '2026-02-30',
    '9999',
  ),
  anyText.filter((text) => text.length > 0).map(encode),
);

const queryValue = fc.oneof(anyText, fc.uuid(), fc.constantFrom('true', 'false', 'csv', '2026-02-01'));

function queryFor(operation: Operation): fc.Arbitrary<string> {
  const names = [...operation.queryParams, 'unknown', 'from', 'to', 'ids'];
  const pair = fc.oneof(
    fc.tuple(fc.constantFrom(...names), queryValue).map(([name, value]) => `${name}=${encode(value)}`),
    fc.constantFrom(...names).map((name) => `${name}[]=1&${name}[]=2`),
    fc.constantFrom(...names).map((name) => `${name}[a][b]=c`),
    fc.constantFrom('%00=1', '%ZZ=1', 'from=%ED%A0%80', '=', '&&', 'a=%'),
  );
  return fc.array(pair, { maxLength: 4 }).map((pairs) => (pairs.length ? `?${pairs.join('&')}` : ''));
}

function requestFor(operation: Operation): fc.Arbitrary<FuzzRequest> {
  const segments = fc.tuple(...operation.pathParams.map(() => pathSegment));
  const withBody = operation.method !== 'get';
  return fc.record({
    path: segments.map((values) =>
      operation.pathParams.reduce(
        (path, name, index) => path.replace(`{${name}}`, values[index]!),
        operation.path,
      ),
    ),
    query: queryFor(operation),
    ...(withBody ? { body: bodyFor(operation) } : {}),
  });
}

/** A fingerprint of every table's rows, to prove the fuzzing changed nothing. */
async function snapshot(service: TestService): Promise<Record<string, string>> {
  const tables: { name: string }[] = await service.dataSource.query(
    `select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const fingerprint: Record<string, string> = {};
  for (const { name } of tables.filter((table) => !UNWATCHED_TABLES.has(table.name))) {
    const [row] = await service.dataSource.query(
      `select count(*)::int as n, coalesce(md5(string_agg(md5(t::text), '' order by md5(t::text))), '') as h from "${name}" t ${WATCHED_ROWS[name] ?? ''}`,
    );
    fingerprint[name] = `${row.n}:${row.h}`;
  }
  return fingerprint;
}

describe('fuzzing every documented route from the OpenAPI document', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService({ demoHistoryDays: 7, today: '2026-03-01' });
  });
  afterAll(() => service?.stop());

  it('answers malformed ids, query strings and bodies with a 4xx in the error shape for every role, changing nothing', async () => {
    const document = (await request(service.url).get('/api/docs-json').expect(200)).body as OpenApiDocument;
    const operations = operationsOf(document);
    expect(operations.length).toBeGreaterThan(40);
    const before = await snapshot(service);
    const sessions = new Map<string, Record<string, string>>();
    for (const caller of CALLERS)
      sessions.set(caller.name, caller.email ? await sessionHeaders(service, caller.email) : {});
    let sent = 0;
    const failures: string[] = [];
    for (const operation of operations) {
      for (const caller of CALLERS) {
        await fc.assert(
          fc.asyncProperty(requestFor(operation), async (fuzz) => {
            // Logout ends the session it is sent with: give it one of its own.
            const headers =
              operation.path === '/api/auth/logout' && caller.email
                ? await sessionHeaders(service, caller.email)
                : sessions.get(caller.name)!;
            let call = request(service.url)
              [operation.method](fuzz.path + fuzz.query)
              .set(headers);
            if (fuzz.body) call = call.set('Content-Type', fuzz.body.contentType).send(fuzz.body.text);
            sent++;
            const label = `${operation.method.toUpperCase()} ${fuzz.path}${fuzz.query} as ${caller.name}${fuzz.body ? ` with ${fuzz.body.contentType} ${fuzz.body.text.slice(0, 120)}` : ''}`;
            const response = await call.timeout(15_000).catch((error: Error) => {
              throw new Error(`${label}: no answer (${error.message})`);
            });
            // Collected rather than thrown, so one run lists every failing route.
            if (response.status >= 500) failures.push(`${response.status} ${label}`);
            // A malformed body is never accepted by a route that reads one (logout, say, reads none).
            else if (fuzz.body && operation.takesBody && response.status < 400)
              failures.push(`${response.status} accepted: ${label}`);
            else if (
              response.status >= 400 &&
              Object.keys((response.body ?? {}) as object)
                .sort()
                .join() !== 'details,error,message,statusCode'
            )
              failures.push(`${response.status} not in the error shape: ${label}`);
          }),
          { numRuns: RUNS, seed: SEED, endOnFailure: true },
        );
      }
    }
    process.stdout.write(
      `fuzz: ${sent} requests to ${operations.length} operations x ${CALLERS.length} callers (seed ${SEED}, ${service.database.kind})\n`,
    );
    const after = await snapshot(service);
    expect({
      failures,
      changed: Object.keys(after).filter((table) => after[table] !== before[table]),
    }).toEqual({
      failures: [],
      changed: [],
    });
  });
});
