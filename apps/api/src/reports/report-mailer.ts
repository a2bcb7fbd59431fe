import { Inject, Injectable, Logger } from '@nestjs/common';
import * as nodemailer from 'nodemailer';
import { APP_CONFIG, AppConfig } from '../config/app-config';

export interface ReportEmail {
  readonly subject: string;
  readonly html: string;
  readonly text: string;
  readonly attachments: readonly { readonly filename: string; readonly content: Buffer; readonly contentType: string }[];
}

/**
 * Sends report emails through SMTP_URL. Alerting's email channels are configured per channel
 * (and sealed in the database), and the alerts module exports no mailer, so reports keep this
 * small one over the same library.
 */
@Injectable()
export class ReportMailer {
  private readonly logger = new Logger(ReportMailer.name);

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Whether reports can be emailed: an SMTP server and at least one recipient. */
  get enabled(): boolean {
    return this.config.reports.smtpUrl !== undefined && this.config.reports.recipients.length > 0;
  }

  async send(email: ReportEmail): Promise<void> {
    const { smtpUrl, smtpFrom, recipients } = this.config.reports;
    if (!smtpUrl || recipients.length === 0) throw new Error('report email needs SMTP_URL and REPORT_RECIPIENTS');
    const transport = nodemailer.createTransport(smtpUrl);
    try {
      // Subjects come from cluster names: no line breaks (header injection).
      await transport.sendMail({
        from: smtpFrom,
        to: [...recipients],
        subject: email.subject.replace(/[\r\n]+/g, ' '),
        html: email.html,
        text: email.text,
        attachments: email.attachments.map((a) => ({ ...a })),
      });
      this.logger.log({ msg: 'report emailed', recipients: recipients.length, attachments: email.attachments.length });
    } finally {
      transport.close();
    }
  }
}
