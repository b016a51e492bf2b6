import { Logger } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';

/** One message to send: the outbox row's id travels in a header so a receiver can tell repeats apart. */
export interface OutgoingMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
}

/** Where messages go. `send` throws when the message was not accepted; the sender then retries. */
export interface MessageTransport {
  readonly name: string;
  send(message: OutgoingMessage): Promise<void>;
  close(): void;
}

export const MESSAGE_TRANSPORT = Symbol('MESSAGE_TRANSPORT');

/** The default and the embedded demo's: each message is a log line (no mail server needed). */
export class LogTransport implements MessageTransport {
  readonly name = 'log';
  private readonly logger = new Logger('messages');

  async send(message: OutgoingMessage): Promise<void> {
    this.logger.log(`to ${message.to}: ${message.subject} [${message.id}]`);
  }

  close(): void {
    // nothing to release: no connection is held
  }
}

/** SMTP through nodemailer, when SMTP_URL is set. */
export class SmtpTransport implements MessageTransport {
  readonly name = 'smtp';
  private readonly transporter: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    // Pooled: the send loop goes message by message, so a kept connection saves a handshake each.
    // Short timeouts: a claimed message is held for a few minutes only (see the sender).
    this.transporter = createTransport({
      url: smtpUrl,
      pool: true,
      maxConnections: 2,
      connectionTimeout: 20_000,
      greetingTimeout: 20_000,
      socketTimeout: 60_000,
    });
  }

  async send(message: OutgoingMessage): Promise<void> {
    await this.transporter.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      headers: { 'X-PeakPlan-Message': message.id },
    });
  }

  close(): void {
    this.transporter.close();
  }
}
