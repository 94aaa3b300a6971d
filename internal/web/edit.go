package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"slices"

	"github.com/corroborate/corroborate/internal/store"
)

// apiMerge merges the story in the path with the one the body names,
// {"story": ID}, and answers with the story that holds both.
func (s *Server) apiMerge(w http.ResponseWriter, r *http.Request) error {
	var req struct {
		Story string `json:"story"`
	}
	if err := s.readEdit(w, r, &req); err != nil {
		return err
	}
	if req.Story == "" {
		return badRequest(`body: "story" must name the story to merge with`)
	}
	merged, err := s.writer.Merge(r.Context(), r.PathValue("id"), req.Story)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, merged)
	return nil
}

// apiSplit moves the articles the body lists, {"articles": [ID…]}, out of
// the story in the path into a new story, and answers with it.
func (s *Server) apiSplit(w http.ResponseWriter, r *http.Request) error {
	var req struct {
		Articles []string `json:"articles"`
	}
	if err := s.readEdit(w, r, &req); err != nil {
		return err
	}
	for i, id := range req.Articles {
		if id == "" {
			return badRequest(fmt.Sprintf("body: articles[%d] is empty", i))
		}
	}
	split, err := s.writer.Split(r.Context(), r.PathValue("id"), req.Articles)
	if err != nil {
		return err
	}
	w.Header().Set("Location", "/api/v1/stories/"+url.PathEscape(split.NewStory))
	writeJSON(w, http.StatusCreated, split)
	return nil
}

// nearStory is a story like another: its summary and how alike.
type nearStory struct {
	storySummary
	Similarity float64 `json:"similarity"`
}

// apiNearest lists the stories most like the one in the path, most alike
// first, for an editor looking for what to merge it with: {"story": ID,
// "nearest": [summary + "similarity"]}. A retired ID stands for the story
// it was merged into, as in the edits.
func (s *Server) apiNearest(w http.ResponseWriter, r *http.Request) error {
	limit, err := limitParam(r.URL.Query(), 5, 20)
	if err != nil {
		return err
	}
	root, near, err := s.writer.Nearest(r.Context(), r.PathValue("id"), limit)
	if err != nil {
		return err
	}
	out := struct {
		Story   string      `json:"story"`
		Nearest []nearStory `json:"nearest"`
	}{Story: root, Nearest: []nearStory{}}
	for _, n := range near {
		st, err := s.stories.Story(r.Context(), n.ID)
		if errors.Is(err, store.ErrNotFound) {
			continue // merged away by another process since this one looked
		}
		if err != nil {
			return err
		}
		out.Nearest = append(out.Nearest, nearStory{summarize(st), n.Similarity})
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// requireType refuses a body not sent as one of the given media types. A
// browser sends such types across sites only after asking the server, which
// never agrees; a form, or a fetch of a text or untyped body, needs no
// asking.
func requireType(r *http.Request, types ...string) error {
	ct := r.Header.Get("Content-Type")
	if mt, _, err := mime.ParseMediaType(ct); err != nil || !slices.Contains(types, mt) {
		return fmt.Errorf("content type %q: %w", ct, errMediaType)
	}
	return nil
}

// readEdit authorizes an edit and reads its JSON body into v: one object
// of known fields, within MaxBody. The body must be declared JSON
// (requireType), or another site could edit the stories of a server run
// without a token.
func (s *Server) readEdit(w http.ResponseWriter, r *http.Request, v any) error {
	if err := s.authorize(r); err != nil {
		return err
	}
	if err := requireType(r, "application/json"); err != nil {
		return err
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, s.cfg.MaxBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var maxBytes *http.MaxBytesError
		if errors.As(err, &maxBytes) {
			return err
		}
		if errors.Is(err, io.EOF) {
			return badRequest("body: empty, want a JSON object")
		}
		return badRequest("body: " + err.Error())
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return badRequest("body: want one JSON object and nothing after it")
	}
	return nil
}

// retired is the API's answer for a story ID a merge retired.
type retired struct {
	MergedInto string `json:"merged_into"`
	Location   string `json:"location"`
	// Automatic says the service merged the story itself, as its
	// clustering found the two to be one; else an editor merged it.
	Automatic bool `json:"automatic"`
}

// storyOrRedirect loads the story in the path. A story ID a merge retired
// is answered with 302 Found to the story it was merged into, under prefix
// (the API's or the pages'), and done is set. Not 301: a split can bring
// the ID back, and clients keep a permanent redirect.
func (s *Server) storyOrRedirect(w http.ResponseWriter, r *http.Request, prefix string) (body storyBody, done bool, err error) {
	body, err = s.loadStory(r)
	if !errors.Is(err, store.ErrNotFound) {
		return body, false, err
	}
	into, aliasErr := s.stories.MergedInto(r.Context(), r.PathValue("id"))
	if errors.Is(aliasErr, store.ErrNotFound) {
		return body, false, err
	}
	if aliasErr != nil {
		return body, false, aliasErr
	}
	// The API says who merged it. An ID whose merge the log does not hold
	// (a store written before it held edits) was an editor's.
	var by store.Edit
	if !isPage(r) {
		if by, err = s.stories.Retired(r.Context(), r.PathValue("id")); err != nil && !errors.Is(err, store.ErrNotFound) {
			return body, false, err
		}
	}
	loc := prefix + url.PathEscape(into)
	if r.URL.RawQuery != "" {
		loc += "?" + r.URL.RawQuery
	}
	w.Header().Set("Location", loc)
	w.Header().Set("Cache-Control", "no-cache")
	if isPage(r) {
		w.WriteHeader(http.StatusFound)
	} else {
		writeJSON(w, http.StatusFound, retired{MergedInto: into, Location: loc, Automatic: by.Automatic})
	}
	return body, true, nil
}
