-- Data only. A STRING field keeps its values as the published text: the ingest used to store
-- "45" as the number 45 in a field that also holds "<1" (the Age of the CHP case list). Numbers
-- and booleans stored in a field typed STRING become their text, as a new ingest stores them
-- (storeStringFieldsAsText).
UPDATE "Record" r
SET fields = r.fields || (
  SELECT jsonb_object_agg(f.name, to_jsonb(r.fields->>f.name)) FROM "DatasetField" f
  WHERE f."datasetId" = r."datasetId" AND f.type = 'STRING' AND jsonb_typeof(r.fields->f.name) IN ('number', 'boolean'))
WHERE EXISTS (
  SELECT 1 FROM "DatasetField" f
  WHERE f."datasetId" = r."datasetId" AND f.type = 'STRING' AND jsonb_typeof(r.fields->f.name) IN ('number', 'boolean'));
