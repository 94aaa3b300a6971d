package service

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/corroborate/corroborate/internal/cluster"
	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/pipeline"
	"github.com/corroborate/corroborate/internal/store"
)

var (
	// ErrEdit is returned for a merge or split that cannot be made as
	// asked; the message names the story or article at fault.
	ErrEdit = errors.New("the edit cannot be made")
	// ErrMerged is returned for a merge of two stories that are one
	// already, as after the same merge sent twice.
	ErrMerged = errors.New("the stories are one already")
)

// Merged is what Merge did.
type Merged struct {
	// Story holds the articles of both now: the larger of the two, or the
	// older of two the same size.
	Story string `json:"story"`
	// Merged is the other story; its ID resolves to Story from now on.
	Merged   string   `json:"merged"`
	Articles []string `json:"articles"`
}

// Merge makes two stories one, on an editor's word: the larger keeps its
// ID, and the other's ID resolves to it from now on. The decision is kept
// in the store's log, so every process, and this one after a restart,
// applies it at the same point. Only the two stories' centroids are
// touched; no article is read again.
func (s *Service) Merge(ctx context.Context, a, b string) (Merged, error) {
	if a == b {
		return Merged{}, news.Refuse(ErrEdit, "merge %s: a story cannot be merged with itself", a)
	}
	var out Merged
	err := s.write(ctx, func(tx *store.Tx) error {
		ra, err := s.resolve("merge", a)
		if err != nil {
			return err
		}
		rb, err := s.resolve("merge", b)
		if err != nil {
			return err
		}
		if ra == rb {
			return news.Refuse(ErrMerged, "merge %s and %s: they are one story already, %s", a, b, ra)
		}
		edit := store.Edit{Kind: store.Merge, Story: ra, Other: rb}
		s.changed = true
		if edit.Result, err = s.applyEdit(edit, tx.Features); err != nil {
			return err
		}
		gone := ra
		if edit.Result == ra {
			gone = rb
		}
		if err := tx.RecordEdit(&edit); err != nil {
			return err
		}
		if err := tx.MergeStories(gone, edit.Result); err != nil {
			return err
		}
		s.pos.Edit = edit.ID
		out = Merged{Story: edit.Result, Merged: gone, Articles: s.engine.Members(edit.Result)}
		return nil
	})
	if err != nil {
		return Merged{}, err
	}
	s.poke()
	return out, nil
}

// Split is what Split did.
type Split struct {
	// Story is the story split, which keeps its ID and the article that
	// ID derives from.
	Story string `json:"story"`
	// NewStory is the story the other part became, named after its own
	// first article, and Articles are its articles.
	NewStory string   `json:"new_story"`
	Articles []string `json:"articles"`
}

// Split moves articles out of a story into a new one, on an editor's
// word; the two are never merged again automatically. The part holding
// the article the story is named after (its first, unless a merge brought
// in older ones) keeps the story's ID, so when move names that article
// the articles not named form the new story. An article moves with its
// versions and the copies of it, which tell the same story in the same
// words. Only the story's own articles are read again, from their stored
// features. The decision is kept in the store's log, as Merge's is.
func (s *Service) Split(ctx context.Context, story string, move []string) (Split, error) {
	if len(move) == 0 {
		return Split{}, news.Refuse(ErrEdit, "split %s: name the articles to move out", story)
	}
	named := make(map[string]bool, len(move))
	for _, id := range move {
		if named[id] {
			return Split{}, news.Refuse(ErrEdit, "split %s: article %s is named twice", story, id)
		}
		named[id] = true
	}
	var out Split
	err := s.write(ctx, func(tx *store.Tx) error {
		root, err := s.resolve("split", story)
		if err != nil {
			return err
		}
		members := s.engine.Members(root)
		if err := s.checkSplit(story, members, move); err != nil {
			return err
		}
		rows, err := tx.Features(members)
		if err != nil {
			return err
		}
		move := withRepeats(move, rows)
		if len(move) == len(members) {
			return news.Refuse(ErrEdit, "split %s: the articles named, with their versions and copies, are all %d of its articles", story, len(members))
		}
		edit := store.Edit{Kind: store.Split, Story: root, Articles: move}
		s.changed = true
		// The split weighs the same members again: read them once.
		features := func(ids []string) ([]store.Article, error) {
			if slices.Equal(ids, members) {
				return rows, nil
			}
			return tx.Features(ids)
		}
		if edit.Result, err = s.applyEdit(edit, features); err != nil {
			return err
		}
		if err := tx.RecordEdit(&edit); err != nil {
			return err
		}
		moved := s.engine.Members(edit.Result)
		if err := tx.SplitStory(root, edit.Result, moved); err != nil {
			return err
		}
		s.pos.Edit = edit.ID
		out = Split{Story: root, NewStory: edit.Result, Articles: moved}
		return nil
	})
	if err != nil {
		return Split{}, err
	}
	s.poke()
	return out, nil
}

// withRepeats returns move with the versions and copies, among a story's
// stored articles, of the articles it names, and of theirs in turn: a
// copy may be of a version.
func withRepeats(move []string, stored []store.Article) []string {
	moving := make(map[string]bool, len(stored))
	for _, id := range move {
		moving[id] = true
	}
	out := slices.Clone(move)
	for grew := true; grew; {
		grew = false
		for i := range stored {
			a := &stored[i]
			if moving[a.ID] {
				continue
			}
			if a.VersionOf != nil && moving[*a.VersionOf] || a.DuplicateOf != nil && moving[*a.DuplicateOf] {
				moving[a.ID], grew = true, true
				out = append(out, a.ID)
			}
		}
	}
	return out
}

// checkSplit refuses a split that would not divide a story (asked for as
// story, holding members) in two: an article not in it, or every article.
func (s *Service) checkSplit(story string, members, move []string) error {
	in := make(map[string]bool, len(members))
	for _, id := range members {
		in[id] = true
	}
	for _, id := range move {
		if in[id] {
			continue
		}
		if other, ok := s.engine.StoryOf(id); ok {
			return news.Refuse(ErrEdit, "split %s: article %s is in story %s, not this one", story, id, other)
		}
		return news.Refuse(ErrEdit, "split %s: no article %s is stored", story, id)
	}
	if len(move) == len(members) {
		return news.Refuse(ErrEdit, "split %s: moving all %d of its articles would leave it empty", story, len(members))
	}
	return nil
}

// Nearest returns the story an ID stands for now and up to n stories
// most like it, most alike first, as this process last saw the stories:
// suggestions for an editor's merge. What other processes sharing the
// store wrote since this one's last write is not among them.
func (s *Service) Nearest(ctx context.Context, story string, n int) (string, []cluster.Neighbour, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.mend(ctx); err != nil {
		return "", nil, err
	}
	root, err := s.resolve("nearest", story)
	if err != nil {
		return "", nil, err
	}
	near, err := s.engine.Nearest(root, n)
	if err != nil {
		return "", nil, fmt.Errorf("nearest %s: %w", story, err)
	}
	return root, near, nil
}

// resolve returns the story an ID stands for now: itself, or the story a
// merge folded it into.
func (s *Service) resolve(op, id string) (string, error) {
	if root, ok := s.engine.Resolve(id); ok {
		return root, nil
	}
	return "", fmt.Errorf("%s: story %s: %w", op, id, store.ErrNotFound)
}

// applyEdit makes an edit in the engine and returns its result: the story
// a merge kept, or the story a split made. features reads the stored
// articles a split weighs again.
func (s *Service) applyEdit(e store.Edit, features func([]string) ([]store.Article, error)) (string, error) {
	switch e.Kind {
	case store.Merge:
		return s.engine.Merge(e.Story, e.Other)
	case store.Split:
		members := s.engine.Members(e.Story)
		rows, err := features(members)
		if err != nil {
			return "", err
		}
		if len(rows) != len(members) {
			return "", fmt.Errorf("split %s: %d of its %d articles are stored", e.Story, len(rows), len(members))
		}
		moved := make(map[string]bool, len(e.Articles))
		for _, id := range e.Articles {
			moved[id] = true
		}
		var stay, move []pipeline.Stored
		for i := range rows {
			f, err := decodeFeatures(rows[i].Features)
			if err != nil {
				return "", fmt.Errorf("split %s: article %s: %w", e.Story, rows[i].ID, err)
			}
			if moved[rows[i].ID] {
				move = append(move, stored(&rows[i], f, e.Story))
			} else {
				stay = append(stay, stored(&rows[i], f, e.Story))
			}
		}
		return s.engine.Split(e.Story, stay, move)
	}
	return "", fmt.Errorf("edit %d: unknown kind %q", e.ID, e.Kind)
}

// replayEdit applies an edit of the log, as it was made.
func (s *Service) replayEdit(e store.Edit, features func([]string) ([]store.Article, error)) error {
	result, err := s.applyEdit(e, features)
	if err != nil {
		return fmt.Errorf("replay %s of story %s (edit %d): %w", e.Kind, e.Story, e.ID, err)
	}
	if result != e.Result {
		// The engine that made the edit saw the stories otherwise: a bug,
		// reported; the store's stories stay as the edit left them.
		s.log.Error("replayed edit came out otherwise", "edit", e.ID, "kind", e.Kind, "story", e.Story, "result", result, "recorded", e.Result)
	}
	return nil
}
