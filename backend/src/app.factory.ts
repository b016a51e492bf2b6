import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';

import { INestApplication, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

import { AppModule } from './app.module';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { NoBodyInterceptor } from './common/no-body.interceptor';
import { createValidationPipe } from './common/validation.pipe';
import type { AppConfig } from './config/app-config';
import type { OpenDatabase } from './database/open-database';

/** Builds the configured application (not yet listening): used by `main.ts` and by the API tests alike. */
export async function createApp(
  config: AppConfig,
  database: OpenDatabase,
  logger: LoggerService,
): Promise<INestApplication<Server>> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, database), {
    logger,
    bodyParser: true,
  });
  app.useBodyParser('json', { limit: '1mb' });
  // Behind a TLS proxy: the client's address for the sign-in limit, and https for Secure cookies.
  app.set('trust proxy', config.trustProxy);
  app.setGlobalPrefix('api');
  app.useGlobalInterceptors(new NoBodyInterceptor());
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { 'style-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:'] },
      },
    }),
  );
  app.use(cookieParser());

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('PeakPlan API')
      .setDescription(
        'Forecast contact peaks, staff them per interval, and fill the gap with the flexible pool.',
      )
      .setVersion('0.1.0')
      .addCookieAuth('peakplan_session')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document);

  serveDashboard(app, config.frontendDir);
  return app;
}

/** The built Angular dashboard at `/`, with its client-side routes falling back to index.html. */
function serveDashboard(app: NestExpressApplication, frontendDir: string): void {
  const indexHtml = join(frontendDir, 'index.html');
  if (!existsSync(indexHtml)) return;
  // Hashed bundles may be cached; index.html must not be, or a new release would load old bundles.
  app.useStaticAssets(frontendDir, {
    index: false,
    maxAge: '1h',
    setHeaders: (response: Response, path: string) => {
      if (path.endsWith('.html')) response.setHeader('Cache-Control', 'no-cache');
    },
  });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' || request.path.startsWith('/api')) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(indexHtml);
  });
}
