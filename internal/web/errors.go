package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/service"
	"github.com/corroborate/corroborate/internal/store"
)

// Errors the handlers return, mapped to statuses in one place.
var (
	errBadRequest   = errors.New("bad request")
	errUnauthorized = errors.New("a bearer token is required to write: send Authorization: Bearer TOKEN")
	errWrongToken   = news.Refuse(errUnauthorized, "the bearer token is not this server's")
	errTooLarge     = errors.New("request body too large")
	errReadOnly     = errors.New("this server is read-only")
	errMediaType    = errors.New("send the body as JSON, Content-Type: application/json (articles also as JSON Lines, application/x-ndjson, or a table, text/csv or text/tab-separated-values)")
)

// badRequest is an error the client caused, with the message it should read.
func badRequest(msg string) error { return news.Refuse(errBadRequest, "%s", msg) }

// status maps an error to an HTTP status and the message to show. Errors
// the client did not cause say only "internal error": their detail is for
// the log.
func status(err error) (int, string) {
	var maxBytes *http.MaxBytesError
	switch {
	case errors.Is(err, store.ErrNotFound):
		return http.StatusNotFound, err.Error()
	case errors.Is(err, store.ErrBadCursor):
		return http.StatusBadRequest, "bad cursor"
	case errors.As(err, &maxBytes):
		return http.StatusRequestEntityTooLarge, fmt.Sprintf("request body too large: over %d bytes", maxBytes.Limit)
	case errors.Is(err, errTooLarge):
		return http.StatusRequestEntityTooLarge, err.Error()
	case errors.Is(err, errBadRequest), errors.Is(err, service.ErrEdit):
		return http.StatusBadRequest, err.Error()
	case errors.Is(err, service.ErrMerged):
		return http.StatusConflict, err.Error()
	case errors.Is(err, errMediaType):
		return http.StatusUnsupportedMediaType, err.Error()
	case errors.Is(err, errReadOnly):
		return http.StatusMethodNotAllowed, err.Error()
	case errors.Is(err, errUnauthorized):
		return http.StatusUnauthorized, err.Error()
	case errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable, "request timed out"
	}
	return http.StatusInternalServerError, "internal error"
}

// fail writes an error as JSON for the API and as a page for people.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	code, msg := status(err)
	if code >= 500 {
		s.cfg.Log.Error("request failed", "method", r.Method, "path", r.URL.Path, "error", err)
	}
	if code == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="corroborate"`) // RFC 7235: a 401 names its scheme
	}
	if isPage(r) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(code)
		s.pages.ExecuteTemplate(w, "error.html", map[string]any{"Code": code, "Message": msg}) // the status is sent; a write error only loses the page
		return
	}
	writeJSON(w, code, map[string]string{"error": msg})
}

func isPage(r *http.Request) bool {
	p := r.URL.Path
	return p == "/" || len(p) > 8 && p[:9] == "/stories/" || p == "/search"
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	enc.Encode(v) // the status is sent; a write error means the client left
}
