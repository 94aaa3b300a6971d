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
	re       *regexp.Regexp
	literals []string // lower-cased; nil means always run re
}

func newPrefiltered(pattern string) prefiltered {
	p := prefiltered{re: regexp.MustCompile(pattern)}
	if parsed, err := syntax.Parse(pattern, syntax.Perl); err == nil {
		if lits, ok := requiredLiterals(parsed.Simplify()); ok {
			p.literals = lits
		}
	}
	return p
}

// MatchString reports whether s matches the pattern.
func (p prefiltered) MatchString(s string) bool {
	if p.literals != nil {
		lower := strings.ToLower(s)
		found := false
		for _, l := range p.literals {
			if strings.Contains(lower, l) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return p.re.MatchString(s)
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
		for len(subs) > 0 && zeroWidth(subs[0].Op) {
			subs = subs[1:]
		}
		if len(subs) == 0 {
			return nil, false
		}
		lits, ok := requiredLiterals(subs[0])
		if ok || subs[0].Op != syntax.OpLiteral || len(subs) == 1 {
			return lits, ok
		}
		// A one-letter literal factored out of an alternation ("s" of
		// "sign up|subscribe"): join it to what follows.
		rest, ok := requiredLiterals(subs[1])
		if !ok {
			return nil, false
		}
		for i, r := range rest {
			rest[i] = lits[0] + r
		}
		return rest, true
	}
	return nil, false
}

func zeroWidth(op syntax.Op) bool {
	return op == syntax.OpWordBoundary || op == syntax.OpBeginLine || op == syntax.OpBeginText || op == syntax.OpEmptyMatch
}
