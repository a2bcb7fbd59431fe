/**
 * Set when the process starts shutting down (closeApp): readiness answers 503 from then on, so
 * load balancers send no new work to a replica that is finishing what it has.
 */
export class ShutdownState {
  private stopping = false;

  begin(): void {
    this.stopping = true;
  }

  get isStopping(): boolean {
    return this.stopping;
  }
}
