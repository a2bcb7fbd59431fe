-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN     "ownerId" UUID;

-- CreateTable
CREATE TABLE "SignInOrigin" (
    "userId" UUID NOT NULL,
    "addressHash" TEXT NOT NULL,
    "lastAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SignInOrigin_pkey" PRIMARY KEY ("userId","addressHash")
);

-- AddForeignKey
ALTER TABLE "SignInOrigin" ADD CONSTRAINT "SignInOrigin_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Tokens made before they had owners: owned by the user who made them. A token whose maker is
-- gone (deleted, or another token) outlived its owner: it is revoked, not kept alive unowned.
UPDATE "ApiToken" t SET "ownerId" = u."id" FROM "User" u WHERE t."createdBy" = u."username";
UPDATE "ApiToken" SET "revokedAt" = CURRENT_TIMESTAMP
  WHERE "ownerId" IS NULL AND "revokedAt" IS NULL AND ("createdBy" IS NULL OR "createdBy" <> 'bootstrap');

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
