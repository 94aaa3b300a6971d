-- Which version of the analysis made a story's report
-- (pipeline.AnalysisVersion); 0 for reports made before it was kept. The
-- analysis worker analyses again, after the stories that gained articles,
-- the stories an older version analysed.
ALTER TABLE stories ADD COLUMN analyzed_version INTEGER NOT NULL DEFAULT 0;
