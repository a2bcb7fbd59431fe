import { Logger } from '@nestjs/common';
import { ConnectedSocket, MessageBody, OnGatewayConnection, SubscribeMessage, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { ClientToServerEvents, LIVE_NAMESPACE, ServerToClientEvents } from '@palisade/api-contract';
import type { Namespace, Socket } from 'socket.io';

type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

const room = (clusterId: string) => `cluster:${clusterId}`;

/**
 * socket.io namespace /live. A client subscribes to clusters and receives, per cluster room,
 * the events of ServerToClientEvents. Emitters are typed by event name. CORS comes from
 * CORS_ORIGINS, set by LiveIoAdapter.
 */
@WebSocketGateway({ namespace: LIVE_NAMESPACE })
export class LiveGateway implements OnGatewayConnection {
  private readonly logger = new Logger(LiveGateway.name);
  @WebSocketServer() private readonly server!: Namespace<ClientToServerEvents, ServerToClientEvents>;
  private knownClusters: () => readonly string[] = () => [];

  /** Where "all clusters" comes from (set by the collectors at start). */
  setClusterDirectory(list: () => readonly string[]): void {
    this.knownClusters = list;
  }

  handleConnection(socket: LiveSocket): void {
    this.logger.debug(`live client connected: ${socket.id}`);
  }

  @SubscribeMessage('subscribe')
  subscribe(@ConnectedSocket() socket: LiveSocket, @MessageBody() request: { clusterIds?: unknown } | undefined): readonly string[] {
    const known = new Set(this.knownClusters());
    const asked = Array.isArray(request?.clusterIds) ? request.clusterIds.filter((id): id is string => typeof id === 'string') : [...known];
    const joined = asked.filter((id) => known.has(id));
    void socket.join(joined.map(room));
    return joined;
  }

  emit<E extends keyof ServerToClientEvents>(clusterId: string, event: E, ...payload: Parameters<ServerToClientEvents[E]>): void {
    if (!this.server) return;
    this.server.to(room(clusterId)).emit(event, ...payload);
  }
}
