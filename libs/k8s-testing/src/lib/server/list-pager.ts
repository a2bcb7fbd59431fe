import { randomUUID } from 'node:crypto';
import { KubeApiError, statuses } from './api-status';
import type { KubeObject } from './kube-object';

/** One list result frozen at a resourceVersion, so every page of it agrees. */
interface Snapshot {
  /** Which request it answers: resource, namespace and selectors. */
  readonly query: string;
  readonly resourceVersion: number;
  readonly items: readonly KubeObject[];
  readonly expiresAt: number;
}

export interface Page {
  readonly resourceVersion: number;
  readonly items: readonly KubeObject[];
  readonly continueToken?: string;
  readonly remainingItemCount?: number;
}

interface TokenBody {
  readonly v: string;
  readonly rv: number;
  readonly id: string;
  readonly start: number;
}

const TOKEN_VERSION = 'meta.k8s.io/v1';

/**
 * Pages a list over one snapshot. Tokens look like the real server's (base64 JSON with the list's
 * resourceVersion); an unreadable token is a 400, one whose snapshot is gone (expired, compacted,
 * or evicted) a 410 Expired.
 */
export class ListPager {
  private readonly snapshots = new Map<string, Snapshot>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxSnapshots = 200,
  ) {}

  firstPage(
    query: string,
    resourceVersion: number,
    items: readonly KubeObject[],
    limit: number | undefined,
  ): Page {
    if (limit === undefined || limit <= 0 || items.length <= limit) {
      return { resourceVersion, items };
    }
    this.evict();
    const id = randomUUID();
    this.snapshots.set(id, { query, resourceVersion, items, expiresAt: Date.now() + this.ttlMs });
    return this.page(id, 0, limit);
  }

  nextPage(query: string, token: string, limit: number | undefined): Page {
    const body = decode(token);
    const snapshot = this.snapshots.get(body.id);
    if (snapshot === undefined || snapshot.expiresAt < Date.now()) {
      this.snapshots.delete(body.id);
      throw new KubeApiError(statuses.expiredContinue());
    }
    if (snapshot.query !== query || snapshot.resourceVersion !== body.rv) {
      throw new KubeApiError(
        statuses.badRequest(
          'continue key is not valid: the continue token was issued for a different list',
        ),
      );
    }
    return this.page(
      body.id,
      body.start,
      limit !== undefined && limit > 0 ? limit : snapshot.items.length,
    );
  }

  /** Every outstanding token expires (a compaction of the resourceVersions they were issued at). */
  expireAll(): void {
    this.snapshots.clear();
  }

  private page(id: string, start: number, limit: number): Page {
    const snapshot = this.snapshots.get(id);
    if (snapshot === undefined) throw new KubeApiError(statuses.expiredContinue());
    const end = Math.min(start + limit, snapshot.items.length);
    const items = snapshot.items.slice(start, end);
    if (end >= snapshot.items.length) {
      this.snapshots.delete(id);
      return { resourceVersion: snapshot.resourceVersion, items };
    }
    const body: TokenBody = { v: TOKEN_VERSION, rv: snapshot.resourceVersion, id, start: end };
    return {
      resourceVersion: snapshot.resourceVersion,
      items,
      continueToken: Buffer.from(JSON.stringify(body)).toString('base64url'),
      remainingItemCount: snapshot.items.length - end,
    };
  }

  private evict(): void {
    const now = Date.now();
    for (const [id, snapshot] of this.snapshots) {
      if (snapshot.expiresAt < now) this.snapshots.delete(id);
    }
    while (this.snapshots.size >= this.maxSnapshots) {
      const oldest = this.snapshots.keys().next().value;
      if (oldest === undefined) break;
      this.snapshots.delete(oldest);
    }
  }
}

function decode(token: string): TokenBody {
  const invalid = (): never => {
    throw new KubeApiError(
      statuses.badRequest(`continue key is not valid: ${JSON.stringify(token)}`),
    );
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    return invalid();
  }
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    (parsed as TokenBody).v !== TOKEN_VERSION ||
    typeof (parsed as TokenBody).rv !== 'number' ||
    typeof (parsed as TokenBody).id !== 'string' ||
    typeof (parsed as TokenBody).start !== 'number'
  ) {
    return invalid();
  }
  return parsed as TokenBody;
}
