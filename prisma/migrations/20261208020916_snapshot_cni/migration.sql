-- AlterTable
ALTER TABLE "Snapshot" ADD COLUMN     "cni" TEXT,
ADD COLUMN     "cniEvidence" TEXT,
ADD COLUMN     "notEnforcedPolicies" INTEGER NOT NULL DEFAULT 0;
