-- The submission form as the submitter last typed it (possibly incomplete or invalid), kept apart from `listing`
-- so `listing` always holds a whole ListingDocument once one was submitted (moderation compares it field by field),
-- while a draft or a listing sent back for changes can still be saved mid-edit. NULL when nothing is pending in the
-- form (a submitted listing, or an edit draft not touched since it was prefilled from the live listing).
ALTER TABLE submissions ADD COLUMN draft_form jsonb;
