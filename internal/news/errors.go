package news

import "errors"

// Errors shared by the readers, so callers (and the HTTP layer) can tell the
// kinds of bad input apart with errors.Is.
var (
	ErrEmpty    = errors.New("empty input")
	ErrBinary   = errors.New("binary data, not text")
	ErrTooLarge = errors.New("input too large")
	ErrNoText   = errors.New("no article text")
	ErrFormat   = errors.New("unrecognised format")
	ErrNotFound = errors.New("not found")
)
