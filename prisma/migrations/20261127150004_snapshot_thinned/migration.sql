-- AlterTable
ALTER TABLE "Snapshot" ADD COLUMN     "thinned" BOOLEAN NOT NULL DEFAULT false;
