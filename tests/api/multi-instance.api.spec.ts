/* Several instances of the built product on one PostgreSQL server database, as behind a load balancer
 * (issue 18): forecast runs go through the job queue that every instance consumes, a killed instance's
 * run is finished by another, the sign-up storm spread over the instances still gives exactly the
 * places, and the sign-in rate limit is counted once for all of them. Embedded PostgreSQL is one
 * process by design, so without a server database there is nothing to test here. */
import request from 'supertest';

import type { ForecastRunSummary, SignUpResponse } from '@peakplan/contracts';
import { loadDemoOrganisation } from '@peakplan/backend/demo/demo-loader';
import { SIGN_IN_RATE_LIMITS } from '@peakplan/backend/auth/session-policy';

import { prepareStorm, signUpStorm, type StormCall } from '../support/pool-storm';
import { startProductCluster, type ProductCluster } from '../support/product-instances';

const INSTANCES = 3;
const MEMBERS = 500;
const PLACES = 20;
/** Short, so that a killed instance's job is retried within the test (the default is 120 s). */
const JOB_TIMEOUT_SECONDS = 30;

const onServer = Boolean(process.env['DATABASE_URL']);
// Skipped only without a server database, and then saying why in the test's name.
const describeOnServer = onServer ? describe : describe.skip;
const TITLE = `${INSTANCES} instances on one PostgreSQL server`;

describeOnServer(
  onServer
    ? TITLE
    : `${TITLE} (skipped: DATABASE_URL is not set; embedded PostgreSQL is one process by design)`,
  () => {
    let cluster: ProductCluster;
    let planner: Record<string, string>;
    let queueIds: string[];

    beforeAll(async () => {
      cluster = await startProductCluster({
        instances: INSTANCES,
        env: { PEAKPLAN_JOB_TIMEOUT_SECONDS: String(JOB_TIMEOUT_SECONDS) },
      });
      await loadDemoOrganisation(cluster.dataSource, { today: '2026-03-01', historyDays: 400 });
      planner = await cluster.headersFor('planner@peakplan.test');
      queueIds = (await cluster.dataSource.query(`select id from queue order by name`)).map(
        (row: { id: string }) => row.id,
      );
    }, 600_000);
    afterAll(() => cluster?.stop());

    const runOn = async (url: string, queueId: string, horizonDays = 28) =>
      (
        (
          await request(url)
            .post('/api/forecast-runs')
            .set(planner)
            .send({ queueId, trainingTo: '2026-02-28', horizonDays })
            .expect(202)
        ).body as ForecastRunSummary[]
      )[0];
    const readOn = async (url: string, id: string) =>
      (await request(url).get(`/api/forecast-runs/${id}`).set(planner).expect(200))
        .body as ForecastRunSummary;
    const finished = async (url: string, id: string): Promise<ForecastRunSummary> => {
      for (;;) {
        const run = await readOn(url, id);
        if (run.status !== 'running') return run;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    };

    it('computes forecast runs started on any instance on whichever takes the job, readable on every instance', async () => {
      const started: ForecastRunSummary[] = [];
      // Two runs of each queue, each started on another instance than the one before.
      for (let index = 0; index < 2 * queueIds.length; index++)
        started.push(
          await runOn(cluster.instances[index % INSTANCES].url, queueIds[index % queueIds.length]),
        );
      const done = [];
      for (const run of started) done.push(await finished(cluster.instances[0].url, run.id));
      for (const run of done) {
        expect(run).toMatchObject({ status: 'completed', stage: 'completed', progress: 1, error: null });
        // Computed by one of the instances, and the same run on every instance.
        expect(cluster.instances.filter((instance) => instance.owns(run.computedBy))).toHaveLength(1);
        for (const instance of cluster.instances.slice(1))
          expect(await readOn(instance.url, run.id)).toEqual(run);
      }
      // One job per run, each completed once.
      const jobs: { state: string; runs: number }[] = await cluster.dataSource.query(
        `select state, count(*)::int as runs from pgboss.job where name = 'forecast-run' and id = any($1::uuid[]) group by state`,
        [done.map((run) => run.id)],
      );
      expect(jobs).toEqual([{ state: 'completed', runs: done.length }]);
    });

    it(`gives exactly ${PLACES} places to ${MEMBERS} members signing up at once through all instances`, async () => {
      const setup = await prepareStorm(cluster.target(cluster.instances[0]), {
        members: MEMBERS,
        latecomers: 0,
        places: PLACES,
        prefix: 'spread',
      });
      // Member n signs up through instance n mod 3, all at the same moment.
      const rounds = await Promise.all(
        cluster.instances.map((instance, index) =>
          signUpStorm(cluster.target(instance), {
            ...setup,
            members: setup.members.filter((_, member) => member % INSTANCES === index),
          }),
        ),
      );
      const calls: StormCall<SignUpResponse>[] = rounds.flatMap((round) => round.calls);
      expect(calls.map((call) => call.status)).toEqual(Array(MEMBERS).fill(201));
      const waitlisted = calls.filter((call) => call.body.status === 'waitlisted');
      expect(calls.filter((call) => call.body.status === 'confirmed')).toHaveLength(PLACES);
      expect(waitlisted.map((call) => call.body.position).sort((a, b) => a! - b!)).toEqual(
        Array.from({ length: MEMBERS - PLACES }, (_, index) => index + 1),
      );
      const [counts] = await cluster.dataSource.query(
        `select s.confirmed_count,
              (select count(*)::int from pool_sign_up where shift_id = s.id) as rows,
              (select count(*)::int from pool_sign_up where shift_id = s.id and status = 'confirmed') as confirmed
         from pool_shift s where s.id = $1`,
        [setup.shiftId],
      );
      expect(counts).toEqual({ confirmed_count: PLACES, rows: MEMBERS, confirmed: PLACES });
    });

    it('holds the sign-in limit across instances: the attempts through all of them count together', async () => {
      const limit = SIGN_IN_RATE_LIMITS.perAddressAndEmail; // 10 a minute per address and email
      const statuses: number[] = [];
      // One after another, round the instances: limit wrong passwords are answered, the next is refused.
      // Counted per process, three instances would have let 3 × limit through.
      for (let attempt = 0; attempt < limit + 2; attempt++) {
        const response = await request(cluster.instances[attempt % INSTANCES].url)
          .post('/api/auth/login')
          .send({ email: 'guesser@peakplan.test', password: `wrong-${attempt}` });
        statuses.push(response.status);
        if (response.status === 429)
          expect(Number(response.headers['retry-after-sign-in-per-address-and-email'])).toBeGreaterThan(0);
      }
      expect(statuses).toEqual([...Array(limit).fill(401), 429, 429]);
      // Another address and email pair is not held back by it.
      await request(cluster.instances[0].url)
        .post('/api/auth/login')
        .send({ email: 'planner@peakplan.test', password: 'wrong password' })
        .expect(401);
    });

    it('finishes on another instance a run whose instance was killed (SIGKILL) mid-run', async () => {
      // Long enough to be caught computing: the longest horizon of the three queues' runs.
      const run = await runOn(cluster.instances[1].url, queueIds[0], 120);
      let holder: ProductCluster['instances'][number] | undefined;
      for (;;) {
        const [row]: { stage: string; computed_by: string | null }[] = await cluster.dataSource.query(
          `select stage, computed_by from forecast_run where id = $1`,
          [run.id],
        );
        if (['fitting', 'backtest', 'spreading intervals'].includes(row.stage)) {
          holder = cluster.instances.find((instance) => instance.owns(row.computed_by));
          break;
        }
        // Caught before computing ends (a 120-day horizon on 400 days of history takes seconds).
        expect(['queued', 'loading history']).toContain(row.stage);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(holder).toBeDefined();
      holder!.product.process.kill('SIGKILL');
      await holder!.product.stop();
      const survivors = cluster.instances.filter((instance) => instance !== holder);
      // After the job's timeout (30 s here), pg-boss's maintenance gives it back; a survivor retries it.
      const done = await finished(survivors[0].url, run.id);
      expect(done).toMatchObject({ status: 'completed', stage: 'completed', progress: 1, error: null });
      expect(holder!.owns(done.computedBy)).toBe(false);
      expect(survivors.filter((instance) => instance.owns(done.computedBy))).toHaveLength(1);
      expect(await readOn(survivors[1].url, run.id)).toEqual(done);
      const [job]: { state: string; retry_count: number }[] = await cluster.dataSource.query(
        `select state, retry_count from pgboss.job where name = 'forecast-run' and id = $1`,
        [run.id],
      );
      // At least the one retry after the kill (one more if a survivor's attempt outlived the timeout).
      expect(job.state).toBe('completed');
      expect(job.retry_count).toBeGreaterThanOrEqual(1);
      cluster.instances.splice(cluster.instances.indexOf(holder!), 1);
    });
  },
);
