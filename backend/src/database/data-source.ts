/* The DataSource for the TypeORM command line (`npm run migration -- migration:show`), built from the
 * same options as the service. The CLI talks to a PostgreSQL server; the embedded database is
 * migrated by the service itself at start. */
import 'reflect-metadata';

import { DataSource } from 'typeorm';

import { buildDataSourceOptions } from './data-source-options';

const url = process.env['DATABASE_URL'];
if (!url) {
  process.stderr.write(
    'DATABASE_URL is not set: the TypeORM CLI needs a PostgreSQL server (the embedded database migrates at start)\n',
  );
  process.exit(2);
}

export default new DataSource(buildDataSourceOptions({ kind: 'server', url }, 2));
