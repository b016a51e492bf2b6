import { allocateRoster, solveOnThisThread, type ShiftSolver } from '../../forecasting/src';
import { seasonInstance } from './roster-allocation.bench';
(async () => {
  const input = seasonInstance();
  const solver: ShiftSolver = async (model, limits) => {
    const cpu = process.cpuUsage();
    const r = await solveOnThisThread(model, limits);
    console.log('stage', r.status, 'obj', r.objective, 'bound', r.bound, 'wall', r.seconds.toFixed(1), 'cpu', (process.cpuUsage(cpu).user / 1e6).toFixed(1), new Date().toISOString());
    return r;
  };
  const roster = await allocateRoster(input, { solver, timeLimitSeconds: Number(process.env.LIMIT ?? 300), relativeGap: 0.01 });
  console.log(JSON.stringify(roster.objective), JSON.stringify(roster.stages));
})();
