-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN "lastUsedAddress" TEXT;
ALTER TABLE "ApiToken" ADD COLUMN "lastUsedUserAgent" TEXT;
ALTER TABLE "ApiToken" ADD COLUMN "newAddressAt" DATETIME;
ALTER TABLE "ApiToken" ADD COLUMN "previousSecretExpiresAt" DATETIME;
ALTER TABLE "ApiToken" ADD COLUMN "previousSecretHash" TEXT;
ALTER TABLE "ApiToken" ADD COLUMN "regeneratedAt" DATETIME;

-- CreateTable
CREATE TABLE "TokenAddress" (
    "tokenId" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "userAgent" TEXT,
    "firstSeenAt" DATETIME NOT NULL,
    "lastSeenAt" DATETIME NOT NULL,

    PRIMARY KEY ("tokenId", "address"),
    CONSTRAINT "TokenAddress_tokenId_fkey" FOREIGN KEY ("tokenId") REFERENCES "ApiToken" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TokenEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "detail" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TokenEvent_tokenId_fkey" FOREIGN KEY ("tokenId") REFERENCES "ApiToken" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TokenUsageDay" (
    "tokenId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("tokenId", "day"),
    CONSTRAINT "TokenUsageDay_tokenId_fkey" FOREIGN KEY ("tokenId") REFERENCES "ApiToken" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "TokenAddress_tokenId_lastSeenAt_idx" ON "TokenAddress"("tokenId", "lastSeenAt");

-- CreateIndex
CREATE INDEX "TokenEvent_tokenId_createdAt_idx" ON "TokenEvent"("tokenId", "createdAt");
