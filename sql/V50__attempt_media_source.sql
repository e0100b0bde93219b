-- How the media of an init attempt reaches TikTok. A FILE_UPLOAD publish cannot go live without the chunks of the
-- node that made it, so an attempt of that kind whose outcome is unknown may be replaced by a fresh init at once;
-- a PULL_FROM_URL one (TikTok fetches the media itself) may already be live and has to be looked for first.
ALTER TABLE post_attempt ADD COLUMN media_source VARCHAR(16) NULL AFTER publish_id;
