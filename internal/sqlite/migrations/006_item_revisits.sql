-- When a poller first read a feed item's page (RFC 3339, '' when not
-- known: items remembered before this was kept), and how many times it has
-- read the page again since, to find edits the feed did not announce.
ALTER TABLE feed_items ADD COLUMN first_read TEXT NOT NULL DEFAULT '';
ALTER TABLE feed_items ADD COLUMN revisits INTEGER NOT NULL DEFAULT 0;
