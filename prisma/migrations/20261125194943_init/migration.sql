-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "AgencyCode" AS ENUM ('HB', 'HA', 'DH');

-- CreateEnum
CREATE TYPE "UpdateFrequency" AS ENUM ('EVERY_15_MINUTES', 'DAILY_DURING_PEAK', 'WEEKLY', 'MONTHLY', 'QUARTERLY', 'ANNUALLY', 'AS_NEEDED');

-- CreateTable
CREATE TABLE "Agency" (
    "code" "AgencyCode" NOT NULL,
    "nameEn" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,

    CONSTRAINT "Agency_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Dataset" (
    "id" TEXT NOT NULL,
    "agencyCode" "AgencyCode" NOT NULL,
    "position" INTEGER NOT NULL,
    "planName" TEXT,
    "categoryZh" TEXT,
    "titleZh" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "updateFrequency" "UpdateFrequency" NOT NULL,

    CONSTRAINT "Dataset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Release" (
    "id" TEXT NOT NULL,
    "datasetId" TEXT NOT NULL,
    "planRow" TEXT NOT NULL,
    "section" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "releasedMonth" TEXT,
    "updateFrequency" "UpdateFrequency" NOT NULL,
    "formats" TEXT[],
    "descriptionZh" TEXT,
    "descriptionEn" TEXT,

    CONSTRAINT "Release_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Dataset_position_key" ON "Dataset"("position");

-- CreateIndex
CREATE INDEX "Dataset_agencyCode_position_idx" ON "Dataset"("agencyCode", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Release_datasetId_month_key" ON "Release"("datasetId", "month");

-- AddForeignKey
ALTER TABLE "Dataset" ADD CONSTRAINT "Dataset_agencyCode_fkey" FOREIGN KEY ("agencyCode") REFERENCES "Agency"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Release" ADD CONSTRAINT "Release_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;
