package text

import (
	"fmt"
	"strings"
	"testing"
)

// TestRanges: a range written out is one quantity with its ends in Low
// and High; the pairs news writes the same way that are not ranges stay
// apart.
func TestRanges(t *testing.T) {
	tests := []struct {
		in        string
		low, high float64
		kind      QuantityKind
		text      string
	}{
		{"Winds of 60-70 mph are expected.", 60, 70, Cardinal, "60-70"},
		{"Winds of 60–70 mph are expected.", 60, 70, Cardinal, "60–70"},
		{"Winds of 60 - 70 mph are expected.", 60, 70, Cardinal, "60 - 70"},
		{"Some 30 to 35 people were hurt.", 30, 35, Cardinal, "30 to 35"},
		{"Between 30 and 35 people were hurt.", 30, 35, Cardinal, "Between 30 and 35"},
		{"30-35 people were hurt.", 30, 35, Cardinal, "30-35"},
		{"two to three people were hurt.", 2, 3, Cardinal, "two to three"},
		{"Turnout was 30-40%.", 30, 40, Percent, "30-40%"},
		{"Turnout was 30% to 40%.", 30, 40, Percent, "30% to 40%"},
		{"The repairs will cost $2-3bn.", 2e9, 3e9, Money, "$2-3bn"},
		{"The repairs will cost between $2m and $3m.", 2e6, 3e6, Money, "between $2m and $3m"},
		{"Some 2 to 3 million people fled.", 2e6, 3e6, Cardinal, "2 to 3 million"},
		{"Some two to three million people fled.", 2e6, 3e6, Cardinal, "two to three million"},
		{"Between 500 and 1 million people fled.", 500, 1e6, Cardinal, "Between 500 and 1 million"},
		{"Waves ranged from 2m to 15m high.", 2, 15, Cardinal, "2m to 15"},
		{"He stands 5 feet to 6 feet tall.", 5, 6, Cardinal, "5 feet to 6"},
		{"Estimates range from 30 to 35 deaths.", 30, 35, Cardinal, "30 to 35"},
		{"Temperatures will be -5 to 5C.", -5, 5, Cardinal, "-5 to 5"},
		{"Children aged 5-11 can be vaccinated.", 5, 11, Cardinal, "5-11"},
		{"Between 10-20 people were hurt.", 10, 20, Cardinal, "Between 10-20"}, // "-20" is no minus
		{"Rebels took 12 to 20 minutes to cross.", 12, 20, Cardinal, "12 to 20"},
		{"Growth will be 0.3-0.5% this year.", 0.3, 0.5, Percent, "0.3-0.5%"},
		// A word of a tally elsewhere in the clause, a counted noun after.
		{"The storm led to 30-40 deaths.", 30, 40, Cardinal, "30-40"},
		{"Record winds of 60-70 mph hit the coast.", 60, 70, Cardinal, "60-70"},
		{"The ruling affects 5,000 to 6,000 workers.", 5000, 6000, Cardinal, "5,000 to 6,000"},
		{"The majority of the 30-40 passengers were rescued.", 30, 40, Cardinal, "30-40"},
		{"The company lost $2-3bn in the quarter.", 2e9, 3e9, Money, "$2-3bn"},
		{"The party won 3 to 4 seats.", 3, 4, Cardinal, "3 to 4"},
		{"The record swell reached 10-15 ft.", 10, 15, Cardinal, "10-15"},
		// Three digits and four are a phone number only when nothing is counted.
		{"Between 500-1000 people attended.", 500, 1000, Cardinal, "Between 500-1000"},
		// A change of a hyphened size: a change and its result take "to".
		{"Prices rose 10-15% last year.", 10, 15, Percent, "10-15%"},
		{"Shares jumped 4-5% on Monday.", 4, 5, Percent, "4-5%"},
	}
	for _, tt := range tests {
		q, text := firstQuantity(t, tt.in)
		if !q.Range || q.Low != tt.low || q.High != tt.high || q.Value != (tt.low+tt.high)/2 || q.Kind != tt.kind || text != tt.text {
			t.Errorf("%q: read %g..%g (%g) kind %d range %v as %q, want the range %g..%g kind %d as %q",
				tt.in, q.Low, q.High, q.Value, q.Kind, q.Range, text, tt.low, tt.high, tt.kind, tt.text)
		}
	}
}

// TestNotRanges: a change, a score, a tally, a ratio, years, times, phone
// and model numbers are written like ranges and are not.
func TestNotRanges(t *testing.T) {
	tests := []struct {
		in    string
		value float64 // of the first quantity
		text  string
	}{
		{"Deaths rose from 30 to 35 overnight.", 30, "30"},
		{"Sales were up from 30 to 35 units.", 30, "30"},
		{"Prices increased from 2 to 5 percent.", 2, "2"},
		{"The toll went from 30 to 35 people.", 30, "30"},
		{"It would lift the wage from the current $7.25 to $9.50 this year.", 7.25, "$7.25"},
		{"Buttigieg trailed Sanders 11 percent to 24 percent.", 11, "11 percent"},
		{"Liverpool won 3-1 at home.", 3, "3"},
		{"The home side lost 1-3 on Sunday.", 1, "1"},
		{"They drew 2-2 in the final.", 2, "2"},
		{"The House voted 220 to 211 for the bill.", 220, "220"},
		{"The bill failed on a 45 to 55 vote.", 45, "45"},
		{"The court ruled 5-4 in the case.", 5, "5"},
		{"Voters backed it by a 2-to-1 margin.", 2, "2"},
		{"Voters backed it by a 1-to-2 ratio.", 1, "1"},
		{"He served in the army from 1990-1995.", 1990, "1990"},
		{"He served between 1990 and 1995.", 1990, "1990"},
		{"She works 9-5 every day.", 9, "9"},
		{"Call 555-1234 for tickets.", 555, "555"},
		{"Call (202) 555-0123 for tickets.", 202, "202"},
		{"Call 1-800-555-1212 for tickets.", 1, "1"},
		{"The shop is open 24/7.", 24, "24"},
		{"Cases of COVID-19 rose.", 19, "19"},
		{"Two F-16 jets crashed.", 2, "Two"},
		{"A Boeing 737-800 crashed.", 737, "737"},
		{"The fee is $2,000 or $4,000 for a couple.", 2000, "$2,000"},
		{"Oil jumped $4.13 to $90.13 a barrel.", 4.13, "$4.13"},
		{"The index rose 16.8 percent to 21.32.", 16.8, "16.8 percent"},
		{"Shares were up 5% to 35%.", 5, "5%"},
		{"Sales increased by 2 to 30 units.", 2, "2"},
		{"The Jan. 7-9 attacks shook France.", 7, "7"},
		{"The poll was taken May 5 to 7 by phone.", 5, "5"},
		{"The laptop has an i5-3330 chip.", 5, "5"},
		{"They finished with a 12-70 record.", 12, "12"},
		{"The home side lost 1-3 to Chelsea.", 1, "1"},
		{"Call 555-1234 today.", 555, "555"},
		{"Call 555-1234 ext 5 for tickets.", 555, "555"},
		{"The home side lost 1-2 aet.", 1, "1"},
		{"The party won 40 to 45 on Tuesday.", 40, "40"},
	}
	for _, tt := range tests {
		q, text := firstQuantity(t, tt.in)
		if q.Range || q.Value != tt.value || text != tt.text {
			t.Errorf("%q: read %g (range %v) as %q, want %g as %q", tt.in, q.Value, q.Range, text, tt.value, tt.text)
		}
	}
}

// TestQuantitiesInLongClauses: a clause of many pairs with no comma, as a
// table flattened into a page gives, is read in time that grows with its
// length: each pair read the whole clause for tally words, and each "2m
// to 3m" asked of the next pair whether it was metres, along the chain
// (48,000 tokens of pairs took over two minutes).
func TestQuantitiesInLongClauses(t *testing.T) {
	const pairs = 8000
	for name, s := range longClauses(pairs) {
		if n := len(Quantities(Tokenize(s))); n != pairs {
			t.Errorf("%s: %d quantities, want %d ranges", name, n, pairs)
		}
	}
}

// BenchmarkQuantitiesInLongClauses reads clauses of 1,000 and 8,000 pairs
// with no comma between them: the cost per pair should stay level (each
// pair once read its whole clause, 2m16s for the metres at 8,000).
func BenchmarkQuantitiesInLongClauses(b *testing.B) {
	for _, pairs := range []int{1000, 8000} {
		for name, s := range longClauses(pairs) {
			tokens := Tokenize(s)
			b.Run(fmt.Sprintf("%s/%d", name, pairs), func(b *testing.B) {
				for b.Loop() {
					Quantities(tokens)
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*pairs), "ns/pair")
			})
		}
	}
}

func longClauses(pairs int) map[string]string {
	return map[string]string{
		"between":       strings.Repeat("between 3 and 4 ", pairs),
		"ranging from":  strings.Repeat("ranging from the 5 to 6 ", pairs),
		"metres paired": strings.Repeat("2m to 3m and ", pairs),
	}
}
