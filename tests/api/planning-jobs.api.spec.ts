import request from 'supertest';

import { startService, type RunningService } from '@peakplan/backend/bootstrap/start-service';
import { loadConfig } from '@peakplan/backend/config/app-config';
import type { JobOutcome } from '@peakplan/backend/jobs/job-lock.service';
import { PlanningJobsService } from '@peakplan/backend/jobs/planning-jobs.service';
import { StructuredLogger } from '@peakplan/backend/logging/structured-logger';

import { signIn } from '../support/sign-in';
import { startTestService, type TestService } from '../support/test-service';

const onServer = Boolean(process.env['DATABASE_URL']);

describe('scheduled planning jobs, run once across two instances of the service', () => {
  let first: TestService;
  let second: RunningService;

  beforeAll(async () => {
    first = await startTestService({ demoHistoryDays: 120, today: '2026-03-01' });
    // A second instance of the service on the same database (as behind a load balancer).
    second = await startService(
      loadConfig(
        { PORT: '0', HOST: '127.0.0.1', PEAKPLAN_DEMO: 'false', PEAKPLAN_JOBS: 'false', NODE_ENV: 'test' },
        'dist',
      ),
      new StructuredLogger('warn', 'text'),
      { kind: first.database.kind, target: first.database.target, stop: async () => undefined },
    );
  });
  afterAll(async () => {
    await second?.stop();
    await first?.stop();
  });

  it('refits the queues with new actuals once, however many instances start the night', async () => {
    const jobsOf = (service: RunningService) => service.app.get(PlanningJobsService);
    let outcomes: JobOutcome[];
    if (onServer) {
      // Both at once: the advisory lock (or the claimed run row) lets exactly one do the work.
      outcomes = await Promise.all([
        jobsOf(first.service).run('nightly-refit', '2026-03-01'),
        jobsOf(second).run('nightly-refit', '2026-03-01'),
      ]);
    } else {
      // Embedded PostgreSQL serves one instance per data folder; one after the other shows the claimed row.
      outcomes = [
        await jobsOf(first.service).run('nightly-refit', '2026-03-01'),
        await jobsOf(second).run('nightly-refit', '2026-03-01'),
      ];
    }
    const ran = outcomes.filter((outcome) => outcome.ran);
    expect(ran).toHaveLength(1);
    expect(ran[0].error).toBeUndefined();
    expect(ran[0].result).toEqual({ refitted: ['chat', 'email', 'phone'] });
    expect(outcomes.find((outcome) => !outcome.ran)!.skipped).toMatch(/locked|already-run/);
    const runs = await first.dataSource.query(
      `select status, requested_by, to_char(training_to, 'YYYY-MM-DD') as training_to from forecast_run`,
    );
    expect(runs).toHaveLength(3);
    expect(runs.every((run: { status: string }) => run.status === 'completed')).toBe(true);
    expect(runs[0]).toMatchObject({ requested_by: 'nightly-refit', training_to: '2026-02-28' });

    // the next night, nothing new has arrived: the job runs and refits nothing
    const next = await jobsOf(second).run('nightly-refit', '2026-03-02');
    expect(next).toMatchObject({ ran: true, result: { refitted: [] } });
  });

  it('lets an admin trigger a job by hand, through the same run-once rule', async () => {
    const admin = (await signIn(first.url, 'admin@peakplan.test')).bearer;
    const planner = (await signIn(first.url, 'planner@peakplan.test')).bearer;
    const again = (
      await request(first.url)
        .post('/api/jobs/nightly-refit/run')
        .set(admin)
        .send({ date: '2026-03-01' })
        .expect(200)
    ).body as JobOutcome;
    expect(again).toMatchObject({ ran: false, skipped: 'already-run' });
    const snapshot = (
      await request(first.url)
        .post('/api/jobs/accuracy-snapshot/run')
        .set(admin)
        .send({ date: '2026-03-01' })
        .expect(200)
    ).body as JobOutcome;
    expect(snapshot).toMatchObject({ ran: true, result: { snapshots: [] } });
    await request(first.url).post('/api/jobs/no-such-job/run').set(admin).send({}).expect(400);
    await request(first.url).post('/api/jobs/nightly-refit/run').set(planner).send({}).expect(403);
  });

  it('starts the nightly jobs on the organisation’s wall clock, not a zone written in the code', async () => {
    const jobs = first.service.app.get(PlanningJobsService);
    const claimed = async () =>
      (
        await first.dataSource.query(
          `select job, run_key from job_run where run_key = '2026-03-05' order by job`,
        )
      ).map((row: { job: string; run_key: string }) => row.job);
    await first.dataSource.query(`update organisation set time_zone = 'America/New_York'`);
    try {
      // 01:35 UTC is 02:35 in Amsterdam but still the evening of 4 March in New York (UTC−5).
      await jobs.runDueJobs(Date.parse('2026-03-05T01:35:00Z'));
      expect(await claimed()).toEqual([]);
      // 07:35 UTC is 02:35 in New York: the refit for 5 March runs.
      await jobs.runDueJobs(Date.parse('2026-03-05T07:35:00Z'));
      expect(await claimed()).toEqual(['nightly-refit']);
    } finally {
      await first.dataSource.query(`update organisation set time_zone = 'Europe/Amsterdam'`);
    }
  });
});
