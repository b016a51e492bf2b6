import {
  BadRequestException,
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { Request } from 'express';
import type { Observable } from 'rxjs';

/** Where `@ApiConsumes()` keeps its media types (@nestjs/swagger's DECORATORS.API_CONSUMES, not exported). */
const API_CONSUMES = 'swagger/apiConsumes';

/**
 * What a handler reads: a JSON body (a `@Body()` parameter), an upload that declares what it consumes
 * (`@ApiConsumes('text/csv')`: it reads the request stream and answers a wrong type with its own 415),
 * or nothing.
 */
function bodyKind(context: ExecutionContext): 'json' | 'upload' | 'none' {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), context.getHandler().name) ??
    {}) as Record<string, unknown>;
  const consumes = Reflect.getMetadata(API_CONSUMES, context.getHandler()) as string[] | undefined;
  if ((consumes?.length ?? 0) > 0) return 'upload';
  return Object.keys(args).some((key) => key.split(':')[0] === String(RouteParamtypes.BODY))
    ? 'json'
    : 'none';
}

const NO_BODY = 'this route takes no body: send none, or an empty JSON object';

/**
 * A route that reads no body (join the pool, renew a feed, cancel a shift) refuses a JSON body with
 * content (400) or a body of another type (415), instead of acting on a request it did not
 * understand: a client that sends data there has the wrong route or an old idea of it. An empty
 * object (`{}`), as many clients send with a POST, is fine.
 */
@Injectable()
export class NoBodyInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const kind = bodyKind(context);
    if (kind === 'upload') return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    const sent = Number(request.headers['content-length'] ?? 0) > 0 || 'transfer-encoding' in request.headers;
    // JSON sent as text/plain (or with no type) was never parsed, and came back as every field missing;
    // a form was parsed into strings, and came back as "must be a number". Name the real problem.
    if (kind === 'json') {
      if (sent && !request.is('application/json'))
        throw new UnsupportedMediaTypeException({
          message: `send the body as JSON with Content-Type application/json (got ${JSON.stringify(request.headers['content-type'] ?? 'none')})`,
          details: [{ field: 'body', reason: 'must be sent as application/json' }],
        });
      return next.handle();
    }
    // A body of another type (text, a form) is never parsed, so it would pass unseen: refuse it too.
    if (sent && !request.is('application/json'))
      throw new UnsupportedMediaTypeException({
        message: NO_BODY,
        details: [{ field: 'body', reason: 'must be empty' }],
      });
    const body = request.body as unknown;
    // Anything but nothing or `{}`: fields, or a JSON array (even an empty one).
    const hasContent =
      body !== undefined &&
      body !== null &&
      (typeof body !== 'object' || Array.isArray(body) || Object.keys(body as object).length > 0);
    if (hasContent)
      throw new BadRequestException({
        message: NO_BODY,
        details: [{ field: 'body', reason: 'must be empty' }],
      });
    return next.handle();
  }
}
