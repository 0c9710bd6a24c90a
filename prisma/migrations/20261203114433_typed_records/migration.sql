-- DropIndex
DROP INDEX "Record_fields_idx";

-- AlterTable
ALTER TABLE "Dataset" ADD COLUMN     "filterFields" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "sortFields" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateIndex
CREATE INDEX "Record_ingestionId_idx" ON "Record"("ingestionId");

-- Each dataset's typed table lives here, created and altered by the store as fields appear
-- (packages/store/src/records/typed-table.ts). The tables of datasets ingested before this
-- migration are built when a store next opens the database.
CREATE SCHEMA IF NOT EXISTS "dataset_records";
