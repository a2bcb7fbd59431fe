import { Module } from '@nestjs/common';
import { SECRET_BOX, secretBoxProvider } from './secret-key.provider';

/** The one SecretBox of the process: channel credentials, the OIDC sign-in state. */
@Module({ providers: [secretBoxProvider], exports: [SECRET_BOX] })
export class SecretsModule {}
