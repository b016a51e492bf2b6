import { Module } from '@nestjs/common';

import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { OrganisationsModule } from '../../organisations/organisations.module';
import { MessageSenderService } from './message-sender.service';
import { LogTransport, MESSAGE_TRANSPORT, SmtpTransport, type MessageTransport } from './message-transport';
import { MessagesController } from './messages.controller';
import { MessagesService } from './messages.service';
import { RemindersService } from './reminders.service';

/** Messages to pool members: the time-based reminders, the sender, and each member's messages and choices. */
@Module({
  imports: [OrganisationsModule],
  controllers: [MessagesController],
  providers: [
    {
      provide: MESSAGE_TRANSPORT,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): MessageTransport =>
        config.smtpUrl ? new SmtpTransport(config.smtpUrl, config.mailFrom) : new LogTransport(),
    },
    MessageSenderService,
    MessagesService,
    RemindersService,
  ],
  exports: [MessageSenderService, RemindersService],
})
export class PoolMessagesModule {}
