/* The forecast engine's worker thread: runs one job at a time (messages queue up in the port) and
 * reports each engine stage as it begins. Loaded by ForecastEngineThread, compiled or through tsx. */
import { parentPort } from 'node:worker_threads';

import { runForecastEngine } from './forecast-engine';
import type { EngineJobMessage, EngineReply } from './forecast-engine-messages';
import { unpackIntervals } from './packed-intervals';

const port = parentPort;
if (!port) throw new Error('forecast-engine.worker runs as a worker thread only');

const reply = (message: EngineReply) => port.postMessage(message);

port.on('message', ({ jobId, job }: EngineJobMessage) => {
  try {
    const input = { ...job.settings, intervals: unpackIntervals(job.intervals, job.settings.timeZone) };
    const result = runForecastEngine(input, (stage) => reply({ kind: 'stage', jobId, stage }));
    reply({ kind: 'result', jobId, result });
  } catch (error) {
    const { name, message, stack } =
      error instanceof Error ? error : { name: 'Error', message: String(error), stack: undefined };
    reply({ kind: 'error', jobId, error: { name, message, stack } });
  }
});
reply({ kind: 'ready' });
