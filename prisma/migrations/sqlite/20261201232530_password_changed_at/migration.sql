-- AlterTable
ALTER TABLE "User" ADD COLUMN "passwordChangedAt" DATETIME;
