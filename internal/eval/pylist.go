package eval

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// parsePyStrings reads a Python list literal of strings, as Multi-News
// stores its documents: ['first …', "second …"].
func parsePyStrings(s string) ([]string, error) {
	s = strings.TrimSpace(s)
	if !strings.HasPrefix(s, "[") || !strings.HasSuffix(s, "]") {
		return nil, fmt.Errorf("python list: want [ … ]")
	}
	var out []string
	i := 1
	for {
		for i < len(s) && (s[i] == ' ' || s[i] == ',' || s[i] == '\n') {
			i++
		}
		if i >= len(s)-1 {
			return out, nil
		}
		str, next, err := pyString(s, i)
		if err != nil {
			return nil, err
		}
		out = append(out, str)
		i = next
	}
}

// pyString reads one quoted Python string starting at i and returns it and
// the index after its closing quote.
func pyString(s string, i int) (string, int, error) {
	quote := s[i]
	if quote != '\'' && quote != '"' {
		return "", 0, fmt.Errorf("python list: want a quote at %d, got %q", i, s[i])
	}
	var b strings.Builder
	for i++; i < len(s); {
		c := s[i]
		switch {
		case c == quote:
			return b.String(), i + 1, nil
		case c != '\\':
			_, size := utf8.DecodeRuneInString(s[i:])
			b.WriteString(s[i : i+size])
			i += size
			continue
		}
		if i+1 >= len(s) {
			break
		}
		switch e := s[i+1]; e {
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case 'x', 'u', 'U':
			width := map[byte]int{'x': 2, 'u': 4, 'U': 8}[e]
			if i+2+width > len(s) {
				return "", 0, fmt.Errorf("python list: short escape at %d", i)
			}
			code, err := strconv.ParseUint(s[i+2:i+2+width], 16, 32)
			if err != nil {
				return "", 0, fmt.Errorf("python list: escape at %d: %w", i, err)
			}
			b.WriteRune(rune(code))
			i += 2 + width
			continue
		default:
			b.WriteByte(e) // \\, \', \" and unknown escapes stand for the character
		}
		i += 2
	}
	return "", 0, fmt.Errorf("python list: unterminated string")
}
