-- CreateTable
CREATE TABLE "Report" (
    "id" UUID NOT NULL,
    "scope" TEXT NOT NULL,
    "clusterId" UUID,
    "clusterName" TEXT,
    "from" TIMESTAMP(3) NOT NULL,
    "to" TIMESTAMP(3) NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "error" TEXT,
    "periodKey" TEXT,
    "summary" JSONB NOT NULL,
    "data" JSONB,
    "emailedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Report_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Report_periodKey_key" ON "Report"("periodKey");

-- CreateIndex
CREATE INDEX "Report_clusterId_createdAt_idx" ON "Report"("clusterId", "createdAt");

-- CreateIndex
CREATE INDEX "Report_createdAt_idx" ON "Report"("createdAt");
