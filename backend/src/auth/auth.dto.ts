import { IsString, MaxLength, MinLength } from 'class-validator';

import type { ChangePasswordRequest, LoginRequest } from '@peakplan/contracts';

import { PASSWORD_RULES } from './session-policy';

export class LoginDto implements LoginRequest {
  @IsString() @MaxLength(320) email!: string;
  @IsString() @MaxLength(PASSWORD_RULES.maxLength) password!: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @IsString() @MaxLength(PASSWORD_RULES.maxLength) currentPassword!: string;
  @IsString()
  @MinLength(PASSWORD_RULES.minLength, { message: `must be at least ${PASSWORD_RULES.minLength} characters` })
  @MaxLength(PASSWORD_RULES.maxLength)
  newPassword!: string;
}
