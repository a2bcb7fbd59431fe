import { KubeConfig, Watch } from '@kubernetes/client-node';

type WatchArgs = Parameters<Watch['watch']>;

/**
 * client-node's Watch, made safe for long-running informers:
 * - A failure before the request is sent (an exec credential plugin that fails during a
 *   routine re-watch) rejects Watch.watch(), which the informer does not catch: an unhandled
 *   rejection. Here it becomes a `done(error)`, which the informer reports as 'error'.
 * - `onEstablished` tells when the API server accepted the watch (HTTP 200): only then is a
 *   resource healthy again. (The informer's 'connect' event fires before it even tries.)
 */
export class ResilientWatch extends Watch {
  constructor(
    config: KubeConfig,
    private readonly onEstablished: () => void,
  ) {
    super(config);
  }

  override async watch(path: WatchArgs[0], queryParams: WatchArgs[1], callback: WatchArgs[2], done: WatchArgs[3]): Promise<AbortController> {
    let failed = false;
    try {
      const controller = await super.watch(path, queryParams, callback, (error) => {
        if (error) failed = true;
        done(error);
      });
      if (!failed) this.onEstablished();
      return controller;
    } catch (error) {
      done(error);
      return new AbortController();
    }
  }
}
