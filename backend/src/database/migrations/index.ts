import { InitialSchema1764000000000 } from './1764000000000-initial-schema';
import { AccountsSessionsAudit1764100000000 } from './1764100000000-accounts-sessions-audit';
import { HistoryImport1764200000000 } from './1764200000000-history-import';
import { ForecastRuns1764200000001 } from './1764200000001-forecast-runs';
import { Scenarios1764200000002 } from './1764200000002-scenarios';
import { StaffingPlans1764200000003 } from './1764200000003-staffing-plans';
import { JobRuns1764200000004 } from './1764200000004-job-runs';
import { ScenarioCoreStaff1764300000000 } from './1764300000000-scenario-core-staff';
import { PeakReviews1764300000001 } from './1764300000001-peak-reviews';
import { ForecastRunProgress1764400000040 } from './1764400000040-forecast-run-progress';
import { HistoryStagingRuns1764500000000 } from './1764500000000-history-staging-runs';
import { FlexiblePool1764600000000 } from './1764600000000-flexible-pool';
import { HistoryImportInterrupted1764610000000 } from './1764610000000-history-import-interrupted';
import { ContactHistoryDaily1764610000001 } from './1764610000001-contact-history-daily';
import { ClosedDays1764620000000 } from './1764620000000-closed-days';
import { RetireQueuesEvents1764630000000 } from './1764630000000-retire-queues-events';
import { PreferenceAllocation1764700000000 } from './1764700000000-preference-allocation';
import { PointsRewardsMessages1764710000000 } from './1764710000000-points-rewards-messages';
import { ScaleOut1764740000000 } from './1764740000000-scale-out';
import { ContactReasonsQuality1764720000000 } from './1764720000000-contact-reasons-quality';
import { OrganisationLocale1764810000000 } from './1764810000000-organisation-locale';

/** Every migration, oldest first. A new migration is added here as well as in its own file. */
export const MIGRATIONS = [
  InitialSchema1764000000000,
  AccountsSessionsAudit1764100000000,
  HistoryImport1764200000000,
  ForecastRuns1764200000001,
  Scenarios1764200000002,
  StaffingPlans1764200000003,
  JobRuns1764200000004,
  ScenarioCoreStaff1764300000000,
  PeakReviews1764300000001,
  ForecastRunProgress1764400000040,
  HistoryStagingRuns1764500000000,
  FlexiblePool1764600000000,
  HistoryImportInterrupted1764610000000,
  ContactHistoryDaily1764610000001,
  ClosedDays1764620000000,
  RetireQueuesEvents1764630000000,
  PreferenceAllocation1764700000000,
  PointsRewardsMessages1764710000000,
  ScaleOut1764740000000,
  ContactReasonsQuality1764720000000,
  OrganisationLocale1764810000000,
];
