-- CreateEnum
CREATE TYPE "RecordMode" AS ENUM ('SNAPSHOT', 'CUMULATIVE');

-- AlterTable
ALTER TABLE "Dataset" ADD COLUMN     "formats" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "observedAtField" TEXT,
ADD COLUMN     "recordMode" "RecordMode" NOT NULL DEFAULT 'CUMULATIVE',
ADD COLUMN     "recordPath" TEXT,
ADD COLUMN     "resourcePerFile" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Source" (
    "id" SERIAL NOT NULL,
    "datasetId" TEXT NOT NULL,
    "location" TEXT NOT NULL,
    "etag" TEXT,
    "lastModified" TEXT,
    "checkedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Ingestion" (
    "id" SERIAL NOT NULL,
    "datasetId" TEXT NOT NULL,
    "releaseId" TEXT,
    "resource" TEXT NOT NULL,
    "location" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "fetchedAt" TIMESTAMPTZ(3) NOT NULL,
    "observedAt" TIMESTAMPTZ(3) NOT NULL,
    "recordCount" INTEGER NOT NULL,

    CONSTRAINT "Ingestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Record" (
    "id" BIGSERIAL NOT NULL,
    "datasetId" TEXT NOT NULL,
    "ingestionId" INTEGER NOT NULL,
    "resource" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "observedAt" TIMESTAMPTZ(3) NOT NULL,
    "fields" JSONB NOT NULL,

    CONSTRAINT "Record_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DatasetField" (
    "datasetId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "DatasetField_pkey" PRIMARY KEY ("datasetId","name")
);

-- CreateIndex
CREATE UNIQUE INDEX "Source_datasetId_location_key" ON "Source"("datasetId", "location");

-- CreateIndex
CREATE INDEX "Ingestion_datasetId_resource_idx" ON "Ingestion"("datasetId", "resource");

-- CreateIndex
CREATE UNIQUE INDEX "Ingestion_datasetId_sha256_key" ON "Ingestion"("datasetId", "sha256");

-- CreateIndex
CREATE INDEX "Record_datasetId_resource_observedAt_idx" ON "Record"("datasetId", "resource", "observedAt");

-- CreateIndex
CREATE INDEX "Record_datasetId_observedAt_idx" ON "Record"("datasetId", "observedAt");

-- CreateIndex
CREATE INDEX "Record_fields_idx" ON "Record" USING GIN ("fields" jsonb_path_ops);

-- AddForeignKey
ALTER TABLE "Source" ADD CONSTRAINT "Source_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ingestion" ADD CONSTRAINT "Ingestion_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ingestion" ADD CONSTRAINT "Ingestion_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Record" ADD CONSTRAINT "Record_ingestionId_fkey" FOREIGN KEY ("ingestionId") REFERENCES "Ingestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DatasetField" ADD CONSTRAINT "DatasetField_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;
