-- The stamp (feed.Item.Stamp) of the item a feed last carried for a page,
-- by the feed and the page's URL key (dedupe.URLKey of the item's link):
-- the poller reads a stored page again only when its item's stamp moves.
-- Keyed by feed as well, since two feeds may describe one page differently
-- (another title, a summary for full text), and one stamp shared by both
-- would have each poll of either read the page again.
CREATE TABLE feed_items (
	feed    TEXT NOT NULL,
	url_key TEXT NOT NULL,
	stamp   TEXT NOT NULL,
	PRIMARY KEY (feed, url_key)
);
