-- AlterTable
ALTER TABLE "Cluster" ADD COLUMN     "context" TEXT,
ADD COLUMN     "createdBy" TEXT,
ADD COLUMN     "sealedKubeconfig" TEXT;
