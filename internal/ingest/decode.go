package ingest

import (
	"bytes"
	"fmt"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/corroborate/corroborate/internal/news"
)

// Decode turns raw bytes into UTF-8 text. UTF-8 (with or without a byte
// order mark) and UTF-16 with a mark are read as such; anything else is read
// as Windows-1252, the superset of Latin-1 that old and Western web text
// uses. Data with NUL bytes or many control characters is rejected as binary.
func Decode(data []byte) (string, error) {
	switch {
	case len(bytes.TrimSpace(data)) == 0:
		return "", news.ErrEmpty
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeUTF16(data)
	}
	if looksBinary(data) {
		return "", news.ErrBinary
	}
	if utf8.Valid(data) {
		return string(data), nil
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return "", fmt.Errorf("decode windows-1252: %w", err)
	}
	return string(out), nil
}

func decodeUTF16(data []byte) (string, error) {
	if len(data)%2 != 0 {
		return "", fmt.Errorf("utf-16 text with an odd number of bytes: %w", news.ErrBinary)
	}
	bigEndian := data[0] == 0xFE
	units := make([]uint16, 0, len(data)/2-1)
	for i := 2; i+1 < len(data); i += 2 {
		if bigEndian {
			units = append(units, uint16(data[i])<<8|uint16(data[i+1]))
		} else {
			units = append(units, uint16(data[i+1])<<8|uint16(data[i]))
		}
	}
	return string(utf16.Decode(units)), nil
}

// looksBinary samples the start of data for NUL bytes and control
// characters, which text does not contain; page breaks (\f) and Word's line
// breaks (\v) are text, which the cleaner reads as spaces or paragraph
// breaks.
func looksBinary(data []byte) bool {
	sample := data[:min(len(data), 8192)]
	if bytes.IndexByte(sample, 0) >= 0 {
		return true
	}
	control := 0
	for _, b := range sample {
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != '\v' {
			control++
		}
	}
	return control*20 > len(sample)
}
