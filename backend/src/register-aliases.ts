/* The compiled service resolves the workspace's path aliases (tsconfig.base.json) to the compiled
 * libraries beside it: dist/backend/{forecasting,contracts}/src. Imported first by the entry points. */
import { join } from 'node:path';

import { register } from 'tsconfig-paths';

register({
  baseUrl: join(__dirname, '..', '..'),
  paths: {
    '@peakplan/forecasting': ['forecasting/src/index.js'],
    '@peakplan/forecasting/demo': ['forecasting/src/demo/index.js'],
    '@peakplan/contracts': ['contracts/src/index.js'],
  },
});
