import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

import type { ChangePasswordRequest, LoginRequest } from '@peakplan/contracts';

import { PASSWORD_RULES } from './session-policy';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'planner@peakplan.test', maxLength: 320 })
  @IsString()
  @MaxLength(320)
  email!: string;
  @ApiProperty({ example: 'peakplan-demo', maxLength: PASSWORD_RULES.maxLength, format: 'password' })
  @IsString()
  @MaxLength(PASSWORD_RULES.maxLength)
  password!: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty({ maxLength: PASSWORD_RULES.maxLength, format: 'password' })
  @IsString()
  @MaxLength(PASSWORD_RULES.maxLength)
  currentPassword!: string;
  @ApiProperty({
    minLength: PASSWORD_RULES.minLength,
    maxLength: PASSWORD_RULES.maxLength,
    format: 'password',
  })
  @IsString()
  @MinLength(PASSWORD_RULES.minLength, { message: `must be at least ${PASSWORD_RULES.minLength} characters` })
  @MaxLength(PASSWORD_RULES.maxLength)
  newPassword!: string;
}
