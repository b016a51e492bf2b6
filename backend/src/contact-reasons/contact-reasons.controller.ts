import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import type { ContactReasonsReport, DeflectionScenarioResult } from '@peakplan/contracts';

import { CurrentUser, Roles, type SessionUser } from '../auth/access.decorators';
import { ContactReasonsQuery, CreateDeflectionScenarioDto } from './contact-reasons.dto';
import { ContactReasonsService } from './contact-reasons.service';
import { DeflectionScenariosService } from './deflection-scenarios.service';

@ApiTags('contact reasons')
@Controller('contact-reasons')
export class ContactReasonsController {
  constructor(
    private readonly reasons: ContactReasonsService,
    private readonly deflections: DeflectionScenariosService,
  ) {}

  @Get()
  @Roles('planner', 'manager')
  @ApiOkResponse({
    description:
      "Each contact reason of a queue in an event's window against the 8 ordinary weeks before it: contacts, peak and ordinary share (peak shares add up to 1), growth, part of the extra contacts and the staff hours it costs (staffing engine), most hours first; contacts per reason per day around the window; repeat, transfer, NPS and CSAT rates at the peak and in ordinary weeks.",
  })
  report(@Query() query: ContactReasonsQuery): Promise<ContactReasonsReport> {
    return this.reasons.report(query.queue, query.event, Number(query.year));
  }

  @Post('deflection-scenarios')
  @HttpCode(201)
  @Roles('planner')
  @ApiCreatedResponse({
    description:
      "A scenario over the event's next window on the queue's latest forecast that covers it (made first when none does), deflecting a share of one reason; with the totals without and with the deflection, pool hours and cost saved and the service level gained. Asking again with the same name and share gives the same scenario back.",
  })
  createDeflection(
    @Body() body: CreateDeflectionScenarioDto,
    @CurrentUser() user: SessionUser,
  ): Promise<DeflectionScenarioResult> {
    return this.deflections.create(body, user);
  }
}
