package news

import (
	"errors"
	"fmt"
)

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

// Refusal is an error whose message is all a user needs to read, naming
// what was refused and why, of a kind callers tell apart with errors.Is.
type Refusal struct {
	Kind error
	Msg  string
}

func (r *Refusal) Error() string { return r.Msg }
func (r *Refusal) Unwrap() error { return r.Kind }

// Refuse returns a Refusal of a kind, its message formatted.
func Refuse(kind error, format string, args ...any) error {
	return &Refusal{Kind: kind, Msg: fmt.Sprintf(format, args...)}
}
