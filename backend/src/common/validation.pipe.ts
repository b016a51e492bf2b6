import { ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

import { findInputShapeProblem } from './input-shape';

function flatten(errors: ValidationError[], prefix = ''): { field: string; reason: string }[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((reason) => ({ field, reason }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

function badRequest(details: { field: string; reason: string }[]): BadRequestException {
  return new BadRequestException({
    error: 'Bad Request',
    message: details.map((detail) => `${detail.field}: ${detail.reason}`).join('; '),
    details,
  });
}

/**
 * The global pipe: the shape of what was sent is bounded first (depth, text PeakPlan can store; see
 * input-shape.ts), then unknown fields are refused, types transformed, each problem named by field.
 */
class BoundedValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const problem = findInputShapeProblem(value, metadata.data ?? metadata.type);
      if (problem) throw badRequest([problem]);
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new BoundedValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => badRequest(flatten(errors)),
  });
}
