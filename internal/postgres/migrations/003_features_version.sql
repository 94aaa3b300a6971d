-- Which version of the text analysis made an article's features
-- (pipeline.FeaturesVersion); 0 for articles stored before it was kept.
-- A service re-prepares articles stored by an older version when it opens.
ALTER TABLE articles ADD COLUMN features_version INTEGER NOT NULL DEFAULT 0;
