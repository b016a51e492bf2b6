/* The scenario recompute off the page's thread: a slider move never freezes the page. Bundled by the
 * Angular builder from `new Worker(new URL('./scenario-recompute.worker', import.meta.url))`. */
import { columnBuffers } from './interval-columns';
import { answerRecompute, type RecomputeRequest } from './scenario-recompute';

const state: Parameters<typeof answerRecompute>[0] = { inputs: null };

addEventListener('message', (event: MessageEvent<RecomputeRequest>) => {
  const answer = answerRecompute(state, event.data, () => performance.now());
  // The columns' buffers are handed over, not copied.
  if (answer) postMessage(answer, { transfer: 'columns' in answer ? columnBuffers(answer.columns) : [] });
});
