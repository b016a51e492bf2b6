import { existsSync } from 'node:fs';
import { join } from 'node:path';

import request from 'supertest';

import { startTestService, type TestService } from '../support/test-service';

// The service serves the built dashboard (`npm run build` runs before the API tests in `npm test`).
const builtDashboard = join(__dirname, '..', '..', 'dist', 'frontend', 'browser', 'index.html');

describe('the dashboard served by the service', () => {
  let service: TestService;

  beforeAll(async () => {
    if (!existsSync(builtDashboard))
      throw new Error(`${builtDashboard} is missing: run "npm run build" first`);
    service = await startTestService();
  });
  afterAll(() => service?.stop());

  it('serves index.html at / and for client-side routes, never cached', async () => {
    for (const path of ['/', '/planning', '/sign-in?returnTo=%2Fpool', '/index.html']) {
      const response = await request(service.url).get(path).expect(200);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.text).toContain('<pp-root>');
    }
  });

  it('lets hashed bundles be cached', async () => {
    const html = (await request(service.url).get('/')).text;
    const bundle = /src="(main-[A-Z0-9]+\.js)"/i.exec(html)?.[1];
    expect(bundle).toBeDefined();
    const response = await request(service.url).get(`/${bundle}`).expect(200);
    expect(response.headers['cache-control']).toContain('max-age=3600');
  });

  it('answers unknown API paths with a JSON 404, not the dashboard', async () => {
    const response = await request(service.url).get('/api/no-such-thing').expect(404);
    expect(response.headers['content-type']).toContain('application/json');
    expect(response.body.statusCode).toBe(404);
  });
});
