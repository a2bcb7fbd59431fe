import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { Server, ServerOptions } from 'socket.io';
import { corsOptions } from '../common/cors-options';
import { handshakeOriginAllowed } from '../common/browser-origin';

/** What the adapter needs of the configuration: CORS_ORIGINS and the dashboard's address. */
export interface LiveOrigins {
  readonly corsOrigins: readonly string[];
  readonly publicUrl: string;
}

/**
 * socket.io with the API's CORS rule (CORS_ORIGINS) and a handshake Origin check: a gateway
 * decorator cannot read the configuration, so the adapter sets both on the server it creates.
 */
export class LiveIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly origins: LiveOrigins,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    // origin false: the cors middleware answers without any Access-Control-* header.
    const cors = corsOptions(this.origins.corsOrigins) ?? { origin: false };
    const allowed = [...this.origins.corsOrigins, new URL(this.origins.publicUrl).origin];
    const allowRequest: ServerOptions['allowRequest'] = (request, callback) =>
      handshakeOriginAllowed(request, allowed) ? callback(null, true) : callback('origin not allowed', false);
    return super.createIOServer(port, { ...options, cors, allowRequest } as ServerOptions) as Server;
  }
}
