package clean

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode/utf8"
)

// prefiltered is a case-insensitive pattern with the literals one of which
// any match must contain. Testing for the literals first is much cheaper
// than running a large alternation over every line, and most lines hold
// none of them.
type prefiltered struct {
	re *regexp.Regexp
	literalIndex
}

func newPrefiltered(pattern string) prefiltered {
	p := prefiltered{re: regexp.MustCompile(pattern)}
	if parsed, err := syntax.Parse(pattern, syntax.Perl); err == nil {
		parsed = parsed.Simplify()
		if lits, ok := requiredLiterals(parsed); ok {
			anchored := parsed.Op == syntax.OpConcat && len(parsed.Sub) > 1 &&
				(parsed.Sub[0].Op == syntax.OpBeginLine || parsed.Sub[0].Op == syntax.OpBeginText) && !optional(parsed.Sub[1].Op)
			p.literalIndex = newLiteralIndex(lits, anchored)
		}
	}
	return p
}

// MatchString reports whether s matches the pattern.
func (p prefiltered) MatchString(s string) bool {
	return p.matchLower(s, foldLower(s))
}

// foldLower lower-cases s as the literal check needs it. (?i) in Go's
// regexp matches by simple case folding, under which the long s "ſ" is an
// "s" though strings.ToLower keeps it: fold it too, or a line the pattern
// matches could be turned away before the pattern runs.
func foldLower(s string) string {
	lower := strings.ToLower(s)
	if strings.Contains(lower, "ſ") {
		lower = strings.ReplaceAll(lower, "ſ", "s")
	}
	return lower
}

// matchLower is MatchString for a caller that has folded s (foldLower) already,
// so that the rules run on one line do not each lower-case it again.
func (p prefiltered) matchLower(s, lower string) bool {
	if p.literals != nil && !p.in(lower) {
		return false
	}
	return p.re.MatchString(s)
}

// literalIndex finds any of a set of lower-case literals in a line.
type literalIndex struct {
	literals []string // nil for a pattern without them: every line may match
	anchored bool     // a literal must open the line
	// byFirst holds the literals by their first byte, for sets of many:
	// one look at each byte of the line then replaces a search of the
	// whole line per literal. pairs has a bit set for the first two bytes
	// of each, so that most bytes are passed over after one look.
	byFirst *[256][]string
	pairs   *[1 << 16 / 64]uint64
}

// manyLiterals is the count above which literals are looked up by their
// first byte.
const manyLiterals = 8

func newLiteralIndex(lits []string, anchored bool) literalIndex {
	x := literalIndex{literals: lits, anchored: anchored}
	if len(lits) > manyLiterals {
		x.byFirst, x.pairs = new([256][]string), new([1 << 16 / 64]uint64)
		for _, l := range lits {
			x.byFirst[l[0]] = append(x.byFirst[l[0]], l)
			pair := uint16(l[0])<<8 | uint16(l[1]) // literals have two letters or more
			x.pairs[pair/64] |= 1 << (pair % 64)
		}
	}
	return x
}

// in reports whether lower, a lower-cased line, holds one of the literals
// (at its start, if anchored).
func (x literalIndex) in(lower string) bool {
	if x.byFirst != nil {
		for i := 0; i+1 < len(lower); i++ {
			if pair := uint16(lower[i])<<8 | uint16(lower[i+1]); x.pairs[pair/64]&(1<<(pair%64)) == 0 {
				if x.anchored {
					return false
				}
				continue
			}
			for _, l := range x.byFirst[lower[i]] {
				if strings.HasPrefix(lower[i:], l) {
					return true
				}
			}
			if x.anchored {
				return false
			}
		}
		return false
	}
	for _, l := range x.literals {
		if x.anchored && strings.HasPrefix(lower, l) || !x.anchored && strings.Contains(lower, l) {
			return true
		}
	}
	return false
}

// requiredLiterals returns strings one of which every match of re
// contains: the leading literal of each alternative. It gives up (false)
// where an alternative does not start with a literal of two or more
// letters.
func requiredLiterals(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		lit := strings.ToLower(string(re.Rune))
		return []string{lit}, utf8.RuneCountInString(lit) >= 2
	case syntax.OpCapture:
		return requiredLiterals(re.Sub[0])
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			lits, ok := requiredLiterals(sub)
			if !ok {
				return nil, false
			}
			out = append(out, lits...)
		}
		return out, true
	case syntax.OpConcat:
		subs := re.Sub
		// Zero-width assertions and optional parts ("(share )*photo")
		// hold no required literal; look at what follows them.
		for len(subs) > 0 && (zeroWidth(subs[0].Op) || optional(subs[0].Op)) {
			subs = subs[1:]
		}
		if len(subs) == 0 {
			return nil, false
		}
		if lits, ok := prefixes(subs); ok && distinctive(lits) {
			return lits, true
		}
		return requiredLiterals(subs[0])
	}
	return nil, false
}

// maxLiterals bounds how far prefixes multiplies out alternations.
const maxLiterals = 1000

// prefixes returns strings one of which every match of the concatenation
// subs starts with, each as long as the pattern makes it: "sign (up|in)"
// gives "sign up" and "sign in", where the leading literal alone ("sign ")
// would let through many lines the pattern cannot match. It gives up
// (false) where the first part is not a literal or an alternation of them.
func prefixes(subs []*syntax.Regexp) ([]string, bool) {
	if len(subs) == 0 {
		return []string{""}, true
	}
	first := subs[0]
	for first.Op == syntax.OpCapture {
		first = first.Sub[0]
	}
	var heads []string
	switch first.Op {
	case syntax.OpLiteral:
		heads = []string{strings.ToLower(string(first.Rune))}
	case syntax.OpConcat:
		return prefixes(append(append([]*syntax.Regexp{}, first.Sub...), subs[1:]...))
	case syntax.OpAlternate:
		for _, alt := range first.Sub {
			lits, ok := prefixes(append([]*syntax.Regexp{alt}, subs[1:]...))
			if !ok {
				return nil, false
			}
			heads = append(heads, lits...)
		}
		return heads, len(heads) <= maxLiterals
	default:
		return []string{""}, true // the prefix ends here
	}
	tails, ok := prefixes(subs[1:])
	if !ok || len(tails) > maxLiterals {
		tails = []string{""}
	}
	out := make([]string, 0, len(tails))
	for _, t := range tails {
		out = append(out, heads[0]+t)
	}
	return out, true
}

// distinctive reports whether every literal has two letters or more, so
// that looking for them rules out most lines.
func distinctive(lits []string) bool {
	for _, l := range lits {
		if utf8.RuneCountInString(l) < 2 {
			return false
		}
	}
	return true
}

func optional(op syntax.Op) bool {
	return op == syntax.OpStar || op == syntax.OpQuest
}

func zeroWidth(op syntax.Op) bool {
	return op == syntax.OpWordBoundary || op == syntax.OpBeginLine || op == syntax.OpBeginText || op == syntax.OpEmptyMatch
}
