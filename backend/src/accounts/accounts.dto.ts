import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';

import type { CreateAccountRequest, PoolApprovalRequest, Role } from '@peakplan/contracts';

import { EVERY_ROLE } from '../auth/access.decorators';
import { IsNotBlank } from '../common/not-blank';
import { PASSWORD_RULES } from '../auth/session-policy';

export class CreateAccountDto implements CreateAccountRequest {
  @ApiProperty({ example: 'ann@example.com', maxLength: 320, format: 'email' })
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(320)
  email!: string;
  @ApiProperty({ example: 'Ann Jansen', maxLength: 200 })
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  name!: string;
  @ApiProperty({ enum: EVERY_ROLE, isArray: true, example: ['planner'], minItems: 1, uniqueItems: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(EVERY_ROLE, { each: true, message: `each role must be one of ${EVERY_ROLE.join(', ')}` })
  roles!: Role[];
  @ApiPropertyOptional({ example: 'Customer Service', maxLength: 200, nullable: true, type: String })
  @IsOptional()
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  department?: string | null;
  @ApiPropertyOptional({
    description: 'Left out: the account has no password until an admin resets it (one-time password)',
    minLength: PASSWORD_RULES.minLength,
    maxLength: PASSWORD_RULES.maxLength,
    format: 'password',
  })
  @IsOptional()
  @IsString()
  @MinLength(PASSWORD_RULES.minLength, { message: `must be at least ${PASSWORD_RULES.minLength} characters` })
  @MaxLength(PASSWORD_RULES.maxLength)
  password?: string;
}

export class SetRolesDto {
  @ApiProperty({
    enum: EVERY_ROLE,
    isArray: true,
    example: ['planner', 'manager'],
    minItems: 1,
    uniqueItems: true,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(EVERY_ROLE, { each: true, message: `each role must be one of ${EVERY_ROLE.join(', ')}` })
  roles!: Role[];
}

export class PoolApprovalDto implements PoolApprovalRequest {
  @ApiProperty({ enum: ['approved', 'refused'], example: 'approved' })
  @IsIn(['approved', 'refused'])
  decision!: 'approved' | 'refused';
}

/** `POST /api/accounts/import?apply=true&changeRoles=true`: both off by default (a preview; roles kept). */
export class AccountImportQuery {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'true: write the changes (default: preview only)',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  apply?: 'true' | 'false';

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: "true: set existing accounts' roles to the file's (default: keep their roles)",
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  changeRoles?: 'true' | 'false';
}
