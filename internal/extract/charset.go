package extract

import (
	"bytes"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"

	"github.com/corroborate/corroborate/internal/text"
)

// metaCharset finds a declared charset in <meta charset> or <meta
// http-equiv content="…; charset=…">.
var metaCharset = regexp.MustCompile(`(?i)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.-]+)`)

// charsetScan is how far into a page a <meta> charset is looked for. The
// HTML standard says 1024 bytes, but many pages put long scripts or
// comments first and declare it later.
const charsetScan = 16 << 10

// decode returns the page as UTF-8 (data itself when it is UTF-8 already) and the charset it was read as. The
// declaration is trusted only as far as the bytes agree with it: pages that
// declare Latin-1 but are written in UTF-8 are common, and so are pages that
// declare UTF-8 but hold Windows-1252 text. Undeclared pages are UTF-8 when
// they are valid UTF-8, else whatever a statistical detector finds.
func decode(data []byte, contentType string) ([]byte, string) {
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		return data[3:], "utf-8"
	case bytes.HasPrefix(data, []byte("\xff\xfe")):
		return decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), data), "utf-16le"
	case bytes.HasPrefix(data, []byte("\xfe\xff")):
		return decodeWith(unicode.UTF16(unicode.BigEndian, unicode.UseBOM), data), "utf-16be"
	}
	name := declaredCharset(data, contentType)
	enc, err := htmlindex.Get(name)
	if name == "" || err != nil {
		enc, name = nil, ""
	}
	valid := utf8.Valid(data)
	switch {
	case valid && (enc == nil || name == "utf-8" || hasMultibyte(data)):
		// Valid UTF-8 with non-ASCII text is almost never anything else.
		// The bytes are parsed as they are, without a copy.
		return data, "utf-8"
	case name == "utf-8" || name == "utf-16le" || name == "utf-16be":
		// Declared Unicode but not valid: mostly-valid text has a few bad
		// bytes; otherwise the declaration is wrong.
		if text.MostlyUTF8(data) {
			return bytes.ToValidUTF8(data, []byte("\uFFFD")), "utf-8"
		}
		return decodeWith(charmap.Windows1252, data), "windows-1252"
	case enc != nil:
		return decodeWith(enc, data), name
	}
	enc, name = detect(data)
	return decodeWith(enc, data), name
}

func declaredCharset(data []byte, contentType string) string {
	if i := strings.Index(strings.ToLower(contentType), "charset="); i >= 0 {
		name := strings.Trim(strings.TrimSpace(contentType[i+len("charset="):]), `"'; `)
		if n, err := htmlindex.Get(name); err == nil {
			canonical, _ := htmlindex.Name(n)
			return canonical
		}
	}
	head := data[:min(len(data), charsetScan)]
	// Find the word before running the pattern: most pages say it once.
	at := indexFold(head, "charset")
	if at < 0 {
		return ""
	}
	start := bytes.LastIndexByte(head[:at], '<')
	if start < 0 {
		start = 0
	}
	if m := metaCharset.FindSubmatch(head[start:]); m != nil {
		if n, err := htmlindex.Get(string(m[1])); err == nil {
			canonical, _ := htmlindex.Name(n)
			return canonical
		}
	}
	return ""
}

// indexFold finds a lower-case ASCII word written in lower, upper or
// title case, which is how pages spell "charset"; bytes.Index is much
// faster than a case-folding scan.
func indexFold(s []byte, word string) int {
	at := -1
	for _, form := range []string{word, strings.ToUpper(word), strings.ToUpper(word[:1]) + word[1:]} {
		if i := bytes.Index(s, []byte(form)); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	return at
}

func decodeWith(enc encoding.Encoding, data []byte) []byte {
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return bytes.ToValidUTF8(data, []byte("\uFFFD"))
	}
	return out
}

// detect guesses the charset of undeclared, non-UTF-8 bytes. Windows-1252
// is the web's default when the detector is unsure.
func detect(data []byte) (encoding.Encoding, string) {
	best, err := chardet.NewHtmlDetector().DetectBest(data[:min(len(data), 64<<10)])
	if err == nil && best.Confidence >= 50 {
		if enc, err := htmlindex.Get(best.Charset); err == nil {
			name, _ := htmlindex.Name(enc)
			return enc, name
		}
	}
	return charmap.Windows1252, "windows-1252"
}

func hasMultibyte(data []byte) bool {
	for _, b := range data {
		if b >= 0x80 {
			return true
		}
	}
	return false
}
