import type { ChannelType } from '@palisade/api-contract';

export const CHANNEL_TYPES = ['webhook', 'slack', 'teams', 'alertmanager', 'email'] as const satisfies readonly ChannelType[];

/** What is sealed: whatever grants access to a receiver. */
export interface ChannelSecrets {
  readonly url?: string;
  /** HMAC key of a webhook. */
  readonly secret?: string;
  /** SMTP password. */
  readonly password?: string;
}

export interface EmailSettings {
  readonly host: string;
  readonly port: number;
  /** Implicit TLS (port 465); otherwise STARTTLS when the server offers it. */
  readonly secure: boolean;
  readonly user?: string;
  readonly from: string;
  readonly to: readonly string[];
}

/** A channel ready to send: secrets opened. Never logged, never answered. */
export interface ResolvedChannel {
  readonly id: string;
  readonly name: string;
  readonly type: ChannelType;
  readonly settings: Readonly<Record<string, unknown>>;
  readonly secrets: ChannelSecrets;
}
