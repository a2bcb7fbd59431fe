-- CreateTable
CREATE TABLE "Cluster" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'connecting',
    "statusReason" TEXT,
    "snapshotIntervalSeconds" INTEGER NOT NULL,
    "lastSeq" INTEGER NOT NULL DEFAULT 0,
    "lastSnapshotAt" TIMESTAMP(3),
    "score" DOUBLE PRECISION,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Cluster_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Snapshot" (
    "id" BIGSERIAL NOT NULL,
    "clusterId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "takenAt" TIMESTAMP(3) NOT NULL,
    "trigger" TEXT NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "pods" INTEGER NOT NULL,
    "workloads" INTEGER NOT NULL,
    "namespaces" INTEGER NOT NULL,
    "policies" INTEGER NOT NULL,
    "score" DOUBLE PRECISION,
    "ingressIsolatedPercent" DOUBLE PRECISION NOT NULL,
    "egressIsolatedPercent" DOUBLE PRECISION NOT NULL,
    "unprotectedWorkloads" INTEGER NOT NULL,
    "exposedWorkloads" INTEGER NOT NULL,
    "changes" INTEGER NOT NULL,
    "objectChanges" INTEGER NOT NULL,

    CONSTRAINT "Snapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ObjectVersion" (
    "id" BIGSERIAL NOT NULL,
    "clusterId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "namespace" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "fromSeq" INTEGER NOT NULL,
    "toSeq" INTEGER,

    CONSTRAINT "ObjectVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScoreVersion" (
    "id" BIGSERIAL NOT NULL,
    "clusterId" UUID NOT NULL,
    "scope" TEXT NOT NULL,
    "namespace" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "score" DOUBLE PRECISION,
    "ingressIsolated" BOOLEAN NOT NULL,
    "egressIsolated" BOOLEAN NOT NULL,
    "reachableFrom" INTEGER NOT NULL,
    "internetIngress" BOOLEAN NOT NULL,
    "exposed" BOOLEAN NOT NULL,
    "unprotected" BOOLEAN NOT NULL,
    "details" JSONB NOT NULL,
    "fromSeq" INTEGER NOT NULL,
    "toSeq" INTEGER,

    CONSTRAINT "ScoreVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChangeEvent" (
    "id" BIGSERIAL NOT NULL,
    "clusterId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "kind" TEXT NOT NULL,
    "namespace" TEXT,
    "workload" TEXT,
    "policy" TEXT,
    "details" JSONB NOT NULL,

    CONSTRAINT "ChangeEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Cluster_name_key" ON "Cluster"("name");

-- CreateIndex
CREATE INDEX "Snapshot_clusterId_takenAt_idx" ON "Snapshot"("clusterId", "takenAt");

-- CreateIndex
CREATE UNIQUE INDEX "Snapshot_clusterId_seq_key" ON "Snapshot"("clusterId", "seq");

-- CreateIndex
CREATE INDEX "ObjectVersion_clusterId_toSeq_kind_idx" ON "ObjectVersion"("clusterId", "toSeq", "kind");

-- CreateIndex
CREATE INDEX "ObjectVersion_clusterId_kind_namespace_name_fromSeq_idx" ON "ObjectVersion"("clusterId", "kind", "namespace", "name", "fromSeq");

-- CreateIndex
CREATE INDEX "ScoreVersion_clusterId_toSeq_scope_idx" ON "ScoreVersion"("clusterId", "toSeq", "scope");

-- CreateIndex
CREATE INDEX "ScoreVersion_clusterId_scope_namespace_kind_name_fromSeq_idx" ON "ScoreVersion"("clusterId", "scope", "namespace", "kind", "name", "fromSeq");

-- CreateIndex
CREATE INDEX "ChangeEvent_clusterId_at_idx" ON "ChangeEvent"("clusterId", "at");

-- CreateIndex
CREATE INDEX "ChangeEvent_clusterId_kind_at_idx" ON "ChangeEvent"("clusterId", "kind", "at");

-- AddForeignKey
ALTER TABLE "Snapshot" ADD CONSTRAINT "Snapshot_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ObjectVersion" ADD CONSTRAINT "ObjectVersion_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoreVersion" ADD CONSTRAINT "ScoreVersion_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeEvent" ADD CONSTRAINT "ChangeEvent_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;
