import { ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

import { findInputShapeProblem } from './input-shape';

function flatten(errors: ValidationError[], prefix = ''): { field: string; reason: string }[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((reason) => ({ field, reason }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** A client that sent many mistakes learns the first few; a list of thousands helps no one and costs. */
export const MAX_REPORTED_PROBLEMS = 10;

function badRequest(problems: { field: string; reason: string }[]): BadRequestException {
  const details = problems.slice(0, MAX_REPORTED_PROBLEMS);
  const more = problems.length - details.length;
  return new BadRequestException({
    error: 'Bad Request',
    message:
      details.map((detail) => `${detail.field}: ${detail.reason}`).join('; ') +
      (more > 0 ? `; and ${more} more` : ''),
    details,
  });
}

/**
 * The global pipe: the shape of what was sent is bounded first (depth, keys, array lengths, number of
 * values, text PeakPlan can store; see input-shape.ts), so class-validator never sees more than a
 * bounded request; then unknown fields are refused, types transformed, each problem named by field.
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
