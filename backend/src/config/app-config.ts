import { resolve } from 'node:path';
import { z } from 'zod';

import { embeddedTemplateDir } from '../database/embedded-template';
import { trustProxyFromEnv, type TrustProxy } from './trust-proxy';

/** Environment read and validated once, at start. Bad values stop the service with one clear line. */
export interface AppConfig {
  port: number;
  host: string;
  /** A PostgreSQL server; when absent the service runs on embedded PostgreSQL (PGlite) in `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
  /** Load the demo organisation into an empty database on start. */
  demo: boolean;
  /** Days of demo history; null for the full demo (from 1 January four years back). */
  demoHistoryDays: number | null;
  /** Run scheduled jobs (nightly refits, deadlines); off in tests. */
  jobsEnabled: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  logFormat: 'json' | 'text';
  /** Folder of the built dashboard served at `/`. */
  frontendDir: string;
  /** The build's initialised, migrated embedded database, copied into an empty data folder (embedded-template.ts). */
  embeddedTemplateDir: string;
  /** Secret for signing sessions; from the environment, or generated into the data folder (embedded mode). */
  sessionSecret: string | null;
  nodeEnv: 'production' | 'development' | 'test';
  /** Which reverse proxies may say the client's address and protocol (Express "trust proxy"). */
  trustProxy: TrustProxy;
  /** Members' messages go out by SMTP to this server when set (smtp://user:pass@host:587); otherwise to the log. */
  smtpUrl: string | null;
  /** The sender address of members' messages. */
  mailFrom: string;
  /** Connections this instance keeps to a PostgreSQL server (requests, job queue and locks share them). */
  databasePoolSize: number;
  /**
   * How long a queued job's attempt may run before the queue takes it for lost (its instance died) and
   * retries it elsewhere; see docs/scaling.md.
   */
  jobTimeoutSeconds: number;
}

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const environmentSchema = z.object({
  PORT: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535')
    .default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, 'must look like postgres://user@host:5432/database')
    .optional(),
  PEAKPLAN_DATA_DIR: z.string().min(1, 'must not be empty').default('data'),
  PEAKPLAN_DEMO: booleanFromEnv.default(true),
  PEAKPLAN_DEMO_HISTORY_DAYS: z.coerce
    .number({ message: 'must be a number' })
    .int()
    .min(1)
    .max(3660)
    .optional(),
  PEAKPLAN_JOBS: booleanFromEnv.default(true),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  LOG_FORMAT: z.enum(['json', 'text']).default('text'),
  PEAKPLAN_FRONTEND_DIR: z.string().min(1).optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  NODE_ENV: z.enum(['production', 'development', 'test']).default('production'),
  TRUST_PROXY: trustProxyFromEnv,
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/.+/, 'must look like smtp://user:password@host:587 or smtps://host:465')
    .optional(),
  MAIL_FROM: z.string().min(3).default('PeakPlan <peakplan@localhost>'),
  DATABASE_POOL_SIZE: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(2, 'must be between 2 and 200')
    .max(200, 'must be between 2 and 200')
    .default(8),
  PEAKPLAN_JOB_TIMEOUT_SECONDS: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(5, 'must be between 5 and 3600')
    .max(3600, 'must be between 5 and 3600')
    .default(120),
});

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Parses the environment; throws ConfigError naming the first bad variable and what it should be. */
export function loadConfig(environment: NodeJS.ProcessEnv, distDir: string): AppConfig {
  const withoutBlanks = Object.fromEntries(Object.entries(environment).filter(([, value]) => value !== ''));
  const parsed = environmentSchema.safeParse(withoutBlanks);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue.path[0]);
    throw new ConfigError(
      `environment variable ${name}=${JSON.stringify(environment[name] ?? '')} ${issue.message}; fix it or unset it to use the default`,
    );
  }
  const env = parsed.data;
  return {
    port: env.PORT,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL ?? null,
    dataDir: resolve(env.PEAKPLAN_DATA_DIR),
    demo: env.PEAKPLAN_DEMO,
    demoHistoryDays: env.PEAKPLAN_DEMO_HISTORY_DAYS ?? null,
    jobsEnabled: env.PEAKPLAN_JOBS,
    logLevel: env.LOG_LEVEL,
    logFormat: env.LOG_FORMAT,
    frontendDir: resolve(env.PEAKPLAN_FRONTEND_DIR ?? resolve(distDir, 'frontend', 'browser')),
    embeddedTemplateDir: embeddedTemplateDir(resolve(distDir)),
    sessionSecret: env.SESSION_SECRET ?? null,
    nodeEnv: env.NODE_ENV,
    trustProxy: env.TRUST_PROXY,
    smtpUrl: env.SMTP_URL ?? null,
    mailFrom: env.MAIL_FROM,
    databasePoolSize: env.DATABASE_POOL_SIZE,
    jobTimeoutSeconds: env.PEAKPLAN_JOB_TIMEOUT_SECONDS,
  };
}

/** Nest injection token for the AppConfig value. */
export const APP_CONFIG = Symbol('APP_CONFIG');
