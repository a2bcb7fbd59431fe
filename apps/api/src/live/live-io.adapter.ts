import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { Server, ServerOptions } from 'socket.io';
import { corsOptions } from '../common/cors-options';

/**
 * socket.io with the API's CORS rule (CORS_ORIGINS): a gateway decorator cannot read the
 * configuration, so the adapter sets `cors` on the server it creates.
 */
export class LiveIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly corsOrigins: readonly string[],
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    // origin false: the cors middleware answers without any Access-Control-* header.
    const cors = corsOptions(this.corsOrigins) ?? { origin: false };
    return super.createIOServer(port, { ...options, cors } as ServerOptions) as Server;
  }
}
