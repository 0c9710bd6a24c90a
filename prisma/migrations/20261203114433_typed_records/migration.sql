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

-- A typed table's rows go with their file. Not by a foreign key: adding one to a new table locks
-- "Ingestion" against other ingests until the file's commit, and two datasets getting their
-- first file at once would deadlock. Cascaded deletes (a dataset's) fire this trigger too.
-- The body is an escaped string with \073 for each semicolon: Prisma's PostgreSQL driver adapter
-- cuts a migration into statements at every semicolon, even inside a function's body.
CREATE FUNCTION "dataset_records"."delete_ingestion_rows"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF to_regclass(format(''%I.%I'', ''dataset_records'', OLD."datasetId")) IS NOT NULL THEN
    EXECUTE format(''DELETE FROM %I.%I WHERE "ingestionId" = $1'', ''dataset_records'', OLD."datasetId") USING OLD.id\073
  END IF\073
  RETURN OLD\073
END
';

CREATE TRIGGER "Ingestion_typed_rows" AFTER DELETE ON "Ingestion"
  FOR EACH ROW EXECUTE FUNCTION "dataset_records"."delete_ingestion_rows"();
