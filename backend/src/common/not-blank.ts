import { ValidateBy, type ValidationOptions } from 'class-validator';

/** A name must say something: a string of only spaces, tabs or line breaks is refused, like an empty one. */
export function IsNotBlank(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNotBlank',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && value.trim().length > 0,
        defaultMessage: (args) => `${args?.property ?? 'value'} must not be empty or only whitespace`,
      },
    },
    options,
  );
}
