-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN     "lastUsedAddress" TEXT,
ADD COLUMN     "lastUsedUserAgent" TEXT,
ADD COLUMN     "newAddressAt" TIMESTAMP(3),
ADD COLUMN     "previousSecretExpiresAt" TIMESTAMP(3),
ADD COLUMN     "previousSecretHash" TEXT,
ADD COLUMN     "regeneratedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "TokenAddress" (
    "tokenId" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "userAgent" TEXT,
    "firstSeenAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TokenAddress_pkey" PRIMARY KEY ("tokenId","address")
);

-- CreateTable
CREATE TABLE "TokenEvent" (
    "id" TEXT NOT NULL,
    "tokenId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "detail" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TokenEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TokenUsageDay" (
    "tokenId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "TokenUsageDay_pkey" PRIMARY KEY ("tokenId","day")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "TokenAddress_tokenId_lastSeenAt_idx" ON "TokenAddress"("tokenId", "lastSeenAt");

-- CreateIndex
CREATE INDEX "TokenEvent_tokenId_createdAt_idx" ON "TokenEvent"("tokenId", "createdAt");

-- AddForeignKey
ALTER TABLE "TokenAddress" ADD CONSTRAINT "TokenAddress_tokenId_fkey" FOREIGN KEY ("tokenId") REFERENCES "ApiToken"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TokenEvent" ADD CONSTRAINT "TokenEvent_tokenId_fkey" FOREIGN KEY ("tokenId") REFERENCES "ApiToken"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TokenUsageDay" ADD CONSTRAINT "TokenUsageDay_tokenId_fkey" FOREIGN KEY ("tokenId") REFERENCES "ApiToken"("id") ON DELETE CASCADE ON UPDATE CASCADE;
