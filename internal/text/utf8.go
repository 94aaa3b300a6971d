package text

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// AsUTF8 reads bytes that claim to be UTF-8 but are not valid: with each
// bad byte replaced when they are rare among the non-ASCII bytes (a stray
// byte in a UTF-8 page or feed), else as Windows-1252, the Latin-1 that
// such a wrong label most often hides. Valid UTF-8 is returned as it is.
func AsUTF8(data []byte) []byte {
	if utf8.Valid(data) {
		return data
	}
	if MostlyUTF8(data) {
		return bytes.ToValidUTF8(data, []byte("\uFFFD"))
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return bytes.ToValidUTF8(data, []byte("\uFFFD"))
	}
	return out
}

// MostlyUTF8 reports whether invalid sequences are rare among the
// non-ASCII bytes: a stray byte in UTF-8 text, not text in another
// charset.
func MostlyUTF8(data []byte) bool {
	bad, multi := 0, 0
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		switch {
		case r == utf8.RuneError && size == 1:
			bad++
		case size > 1:
			multi++
		}
		data = data[size:]
	}
	return bad*10 < multi
}
