package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"
)

// EditKind names what an editor did to stories.
type EditKind string

const (
	Merge EditKind = "merge" // two stories made one
	Split EditKind = "split" // articles moved out of a story into a new one
)

// Edit is an editor's decision, or a merge the service's clustering made
// during an ingest (Automatic), kept in a log beside the articles' log so
// that every process applies it at the same point: after article After and
// before the next. A replay applies it as it was made and decides nothing.
type Edit struct {
	ID    int64
	After int64 // the seq of the last article stored before the edit
	Kind  EditKind
	// Story is the story merged or split; Other, for a merge, the story
	// merged with it; Articles, for a split, the articles the editor moved.
	Story    string
	Other    string
	Articles []string
	// Result is the story the merge kept, or the story the split made.
	Result string
	At     time.Time
	// Automatic marks a merge the service made itself, not an editor.
	Automatic bool
}

// Position is how far a process has read the log: the last article and
// the last edit it applied.
type Position struct {
	Seq, Edit int64
}

// Entry is one entry of the log: an article or an edit.
type Entry struct {
	Article *Article
	Edit    *Edit
}

// Advance moves p past e.
func (p *Position) Advance(e Entry) {
	if e.Article != nil {
		p.Seq = e.Article.Seq
	} else {
		p.Edit = e.Edit.ID
	}
}

const editColumns = `id, after_seq, kind, story, other, articles, result, created_at, automatic`

// collectEdits reads every row of a query of editColumns.
func collectEdits(rows *sql.Rows, err error) ([]Edit, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Edit
	for rows.Next() {
		var e Edit
		var articles, at string
		var automatic int
		if err := rows.Scan(&e.ID, &e.After, &e.Kind, &e.Story, &e.Other, &articles, &e.Result, &at, &automatic); err != nil {
			return nil, err
		}
		e.Automatic = automatic != 0
		if err := json.Unmarshal([]byte(articles), &e.Articles); err != nil {
			return nil, fmt.Errorf("edit %d articles: %w", e.ID, err)
		}
		e.At, _ = time.Parse(time.RFC3339Nano, at) // written by us; a bad value only loses the time
		out = append(out, e)
	}
	return out, rows.Err()
}

// RecordEdit appends an edit to the log, after the last article stored,
// and sets its ID, After and At.
func (t *Tx) RecordEdit(e *Edit) error {
	if err := t.tx.QueryRowContext(t.ctx, `SELECT COALESCE(MAX(seq), 0) FROM articles`).Scan(&e.After); err != nil {
		return fmt.Errorf("record %s of %s: %w", e.Kind, e.Story, err)
	}
	articles, err := json.Marshal(e.Articles)
	if err != nil {
		return err
	}
	e.At = time.Now()
	automatic := 0
	if e.Automatic {
		automatic = 1
	}
	err = t.tx.QueryRowContext(t.ctx, t.s.q(`INSERT INTO edits (after_seq, kind, story, other, articles, result, created_at, automatic)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
		e.After, e.Kind, e.Story, e.Other, string(articles), e.Result, stamp(e.At), automatic).Scan(&e.ID)
	if err != nil {
		return fmt.Errorf("record %s of %s: %w", e.Kind, e.Story, err)
	}
	return nil
}

// Since returns the log after p, articles without their text, in the
// order the entries were made: what other processes wrote since this one
// last looked.
func (t *Tx) Since(p Position) ([]Entry, error) {
	articles, err := collectArticles(t.tx.QueryContext(t.ctx, t.s.q(`SELECT `+replayColumns+` FROM articles WHERE seq > ? ORDER BY seq`), p.Seq))
	if err != nil {
		return nil, err
	}
	edits, err := collectEdits(t.tx.QueryContext(t.ctx, t.s.q(`SELECT `+editColumns+` FROM edits WHERE id > ? ORDER BY id`), p.Edit))
	if err != nil {
		return nil, err
	}
	out := make([]Entry, 0, len(articles)+len(edits))
	for i := range articles {
		for len(edits) > 0 && edits[0].After < articles[i].Seq {
			out, edits = append(out, Entry{Edit: &edits[0]}), edits[1:]
		}
		out = append(out, Entry{Article: &articles[i]})
	}
	for i := range edits {
		out = append(out, Entry{Edit: &edits[i]})
	}
	return out, nil
}

// Replay calls fn with the whole log, articles without their text, in the
// order the entries were made: how a process rebuilds its dedupe and
// clustering state. It reads without the writers' lock, so it stops at
// the articles stored when it began; an edit made since may fall before
// later articles and is left for Since.
func (s *DB) Replay(ctx context.Context, fn func(Entry) error) error {
	// Writers take turns and record an edit after the articles stored
	// before it, so every edit not yet committed at this point comes
	// after article bound.
	var bound int64
	if err := s.sql.QueryRowContext(ctx, `SELECT COALESCE(MAX(seq), 0) FROM articles`).Scan(&bound); err != nil {
		return fmt.Errorf("replay: %w", err)
	}
	edits, err := collectEdits(s.sql.QueryContext(ctx, `SELECT `+editColumns+` FROM edits ORDER BY id`))
	if err != nil {
		return fmt.Errorf("replay edits: %w", err)
	}
	rows, err := s.sql.QueryContext(ctx, s.q(`SELECT `+replayColumns+` FROM articles WHERE seq <= ? ORDER BY seq`), bound)
	if err != nil {
		return fmt.Errorf("replay: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return err
		}
		for len(edits) > 0 && edits[0].After < a.Seq {
			if err := fn(Entry{Edit: &edits[0]}); err != nil {
				return err
			}
			edits = edits[1:]
		}
		if err := fn(Entry{Article: &a}); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for i := 0; i < len(edits) && edits[i].After <= bound; i++ {
		if err := fn(Entry{Edit: &edits[i]}); err != nil {
			return err
		}
	}
	return nil
}
