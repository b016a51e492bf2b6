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
  @IsEmail({}, { message: 'must be an email address' }) @MaxLength(320) email!: string;
  @IsString() @IsNotBlank() @MaxLength(200) name!: string;
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(EVERY_ROLE, { each: true, message: `each role must be one of ${EVERY_ROLE.join(', ')}` })
  roles!: Role[];
  @IsOptional() @IsString() @IsNotBlank() @MaxLength(200) department?: string | null;
  @IsOptional()
  @IsString()
  @MinLength(PASSWORD_RULES.minLength, { message: `must be at least ${PASSWORD_RULES.minLength} characters` })
  @MaxLength(PASSWORD_RULES.maxLength)
  password?: string;
}

export class SetRolesDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(EVERY_ROLE, { each: true, message: `each role must be one of ${EVERY_ROLE.join(', ')}` })
  roles!: Role[];
}

export class PoolApprovalDto implements PoolApprovalRequest {
  @IsIn(['approved', 'refused']) decision!: 'approved' | 'refused';
}
