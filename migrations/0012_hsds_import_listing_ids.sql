-- Approving an imported listing keeps the ids its organization, locations and services have in the HSDS source
-- (decision 009), so importing the same source again finds them live and queues an edit, not a second listing.
-- The organization's id is the row's key already; this column holds the HSDS id of each new location and service
-- of the submitted listing document, by its key there: {"locations": {"new-1": "<uuid>"}, "services": {...}}.
ALTER TABLE hsds_import_submissions ADD COLUMN hsds_ids jsonb NOT NULL DEFAULT '{}'::jsonb;
