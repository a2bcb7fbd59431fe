-- AlterTable
ALTER TABLE "ScoreVersion" ADD COLUMN     "internetExposure" TEXT NOT NULL DEFAULT 'none';

-- Rows stored before entry points were read: the policies admitted the internet, whether an
-- entry point led there was not known. The next snapshot stores the exposure as it is.
UPDATE "ScoreVersion" SET "internetExposure" = 'policy-only' WHERE scope = 'Workload' AND "internetIngress";
