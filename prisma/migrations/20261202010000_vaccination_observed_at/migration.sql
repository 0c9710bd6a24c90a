-- Data only. Vaccination records were dated by the time of their ingest. The Date of each row
-- (stored as ISO YYYY-MM-DD, a day in Hong Kong) now dates it, as a new ingest does. Ingesting
-- the same file again cannot fix them (the same bytes are a duplicate and write nothing), so the
-- records already stored are dated here. A record without a date keeps its time.
UPDATE "Record"
SET "observedAt" = ((fields->>'Date') || 'T00:00:00+08:00')::timestamptz
WHERE "datasetId" = 'hb-covid19-vaccination-by-age'
  AND fields->>'Date' ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';
