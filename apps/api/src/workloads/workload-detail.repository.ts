import { parsePolicyId } from '@palisade/api-contract';
import { Inject, Injectable } from '@nestjs/common';
import { Db, PRISMA } from '../database/prisma';

/** The stored objects around one workload: its pods, the policies selecting it, its events. */
@Injectable()
export class WorkloadDetailRepository {
  constructor(@Inject(PRISMA) private readonly db: Db) {}

  pods(clusterId: string, namespace: string, kind: string, name: string) {
    return this.db.objectVersion.findMany({
      where: {
        clusterId,
        toSeq: null,
        kind: 'Pod',
        namespace,
        AND: [{ data: { path: ['workload', 'kind'], equals: kind } }, { data: { path: ['workload', 'name'], equals: name } }],
      },
      orderBy: { name: 'asc' },
    });
  }

  policies(clusterId: string, ids: readonly string[]) {
    const keys = ids.flatMap((id) => {
      const ref = parsePolicyId(id);
      return ref ? [{ kind: ref.kind, namespace: ref.namespace ?? '', name: ref.name }] : [];
    });
    if (keys.length === 0) return Promise.resolve([]);
    return this.db.objectVersion.findMany({ where: { clusterId, toSeq: null, OR: keys } });
  }

  changes(clusterId: string, namespace: string, workload: string) {
    return this.db.changeEvent.findMany({ where: { clusterId, namespace, workload }, orderBy: [{ at: 'desc' }, { id: 'desc' }], take: 50 });
  }
}
