package text

import "testing"

// firstQuantity reads the first quantity of s and the words it spans.
func firstQuantity(t *testing.T, s string) (Quantity, string) {
	t.Helper()
	tokens := Tokenize(s)
	qs := Quantities(tokens)
	if len(qs) == 0 {
		t.Fatalf("Quantities(%q): none found", s)
	}
	q := qs[0]
	return q, Sentence{Text: s, Tokens: tokens}.Slice(Span{Start: q.Start, End: q.End})
}

// TestMetresOrMillion: "m" glued to a number is a million with a
// currency or before a count, and metres where a length shows.
func TestMetresOrMillion(t *testing.T) {
	tests := []struct {
		in    string
		value float64
		text  string // the figure as read: "m" outside it is left for a unit
	}{
		// A million.
		{"The club paid $5m for the striker.", 5e6, "$5m"},
		{"The fund lost £1.2m last year.", 1.2e6, "£1.2m"},
		{"Investors lost 5m euros in the collapse.", 5e6, "5m"},
		{"Some 2m people live in the city.", 2e6, "2m"},
		{"Attendances approached 27.8m for the season.", 27.8e6, "27.8m"},
		{"Attendances passed the 13m barrier in 2001.", 13e6, "13m"},
		{"The firm signed a 5m deal with the league.", 5e6, "5m"},
		{"They faced a 2m-strong crowd.", 2e6, "2m"},
		{"The search area shrank from 2.24m sq nautical miles.", 2.24e6, "2.24m"},
		{"The club spent 5M on players.", 5e6, "5M"},
		{"Sales fell 2m over the year.", 2e6, "2m"},
		{"Subscribers jumped 3m over the summer.", 3e6, "3m"},
		{"Revenue dropped 5m below forecasts.", 5e6, "5m"},
		{"Viewers fell 1m under the first series.", 1e6, "1m"},
		{"The bank wrote off 3m of cuts.", 3e6, "3m"},
		{"The city has a 3m population.", 3e6, "3m"},
		{"The app has a 5m user base.", 5e6, "5m"},
		{"The club signed a £10m deal.", 10e6, "£10m"},
		{"The tower cost 300m.", 300e6, "300m"},
		{"The new bridge is 300m over budget.", 300e6, "300m"},
		{"The tower was sold for 300m.", 300e6, "300m"},
		{"Sales saw a 2m drop in the year.", 2e6, "2m"},
		{"The charity suffered a 2m fall of income.", 2e6, "2m"},
		{"The towers drew 2m visitors.", 2e6, "2m"},
		{"Shares fell 2m to 5m.", 2e6, "2m"},
		{"The fund fell 2m from a year earlier.", 2e6, "2m"},
		{"Profit is 3m above the forecast.", 3e6, "3m"},
		// Metres.
		{"He is 1.75m tall and slim.", 1.75, "1.75"},
		{"She won the 100m sprint in 10.9 seconds.", 100, "100"},
		{"He holds the women's 400m hurdles record.", 400, "400"},
		{"Ledecky took the 1,500m freestyle.", 1500, "1,500"},
		{"They built a 30m wall around the site.", 30, "30"},
		{"The 8m-long boat capsized.", 8, "8"},
		{"The wreck lies 5,500m deep.", 5500, "5,500"},
		{"The objects were up to 23m (75ft) in length.", 23, "23"},
		{"Some 2m of snow fell overnight.", 2, "2"},
		{"Divers reached a depth of 30m on Sunday.", 30, "30"},
		{"The objects ranged from 2m to 15m long.", 8.5, "2m to 15"}, // a range of metres
		{"The tower is 30 m high.", 30, "30"},
		{"The tower is 300m.", 300, "300"},
		{"The new bridge will be about 1,200m.", 1200, "1,200"},
		{"The wave reached 10m in places.", 10, "10"},
		{"They survived a 10m drop.", 10, "10"},
		{"The car went over a sheer 30m drop onto rocks.", 30, "30"},
		{"He fell from a 100m-high cliff.", 100, "100"},
		{"The climber fell 10m into a ravine.", 10, "10"},
		{"The boy fell 8m from a balcony.", 8, "8"},
		{"The car plunged 20m over a cliff.", 20, "20"},
		{"The diver sank 40m below the surface.", 40, "40"},
		{"The hiker slid 15m down a slope.", 15, "15"},
		{"The village lies 300m above sea level.", 300, "300"},
		{"Divers found it 40m below the surface.", 40, "40"},
		{"It is 300m in length.", 300, "300"},
		{"Workers laid a 300m length of pipe.", 300, "300"},
		{"The slick is approximately 5,500m downwind.", 5500, "5,500"},
	}
	for _, tt := range tests {
		q, text := firstQuantity(t, tt.in)
		if q.Value != tt.value || text != tt.text {
			t.Errorf("%q: read %g as %q, want %g as %q", tt.in, q.Value, text, tt.value, tt.text)
		}
	}
}

// TestMetresLater: a figure later in a sentence is metres when the one
// before it in a pair is, or when it converts a length in feet.
func TestMetresLater(t *testing.T) {
	tests := []struct {
		in    string
		value float64 // of the last quantity
	}{
		{"Waves of more than 6-7ft (about 2m) were recorded.", 2},
		{"Many live at an altitude of between 1,600m (5,250ft) and 2,400m, they say.", 2400},
		{"It fell from 2m euros to 3m.", 3e6},
		{"The wall, 10ft (3m), fell.", 3},
	}
	for _, tt := range tests {
		qs := Quantities(Tokenize(tt.in))
		if len(qs) == 0 || qs[len(qs)-1].Value != tt.value {
			t.Errorf("%q: read %+v, want the last as %g", tt.in, qs, tt.value)
		}
	}
}

// TestNegativeQuantities: a minus sign or "minus" makes a figure
// negative; a hyphen that joins a name or a range does not.
func TestNegativeQuantities(t *testing.T) {
	tests := []struct {
		in    string
		value float64
		text  string
	}{
		{"Temperatures fell to minus 20 degrees overnight.", -20, "minus 20"},
		{"Temperatures fell to -20C overnight.", -20, "-20"},
		{"It was −5 °C in the capital.", -5, "−5"},
		{"Output fell to -3% in May.", -3, "-3%"},
		{"Growth was revised (-0.4%) in June.", -0.4, "0.4%"},
		{"Growth was revised (−0.4%) in June.", -0.4, "−0.4%"},
		{"Growth was “−0.4%” in June.", -0.4, "−0.4%"},
		{"-12 degrees was the low.", -12, "-12"},
		{"Minus five degrees was the low.", -5, "Minus five"},
		// No sign.
		{"The margin is plus or minus 3 points.", 3, "3"},
		{"He tested positive for COVID-19 again.", 19, "19"},
		{"It ended 20-10 in the end.", 20, "20"},
		{"It ended 10 - 2 in the end.", 10, "10"},
	}
	for _, tt := range tests {
		q, text := firstQuantity(t, tt.in)
		if q.Value != tt.value || q.Low != tt.value || q.High != tt.value || text != tt.text {
			t.Errorf("%q: read %g (%g..%g) as %q, want %g as %q", tt.in, q.Value, q.Low, q.High, text, tt.value, tt.text)
		}
	}
}

// TestPounds: a pound is money with a currency's marks around it, weight
// with a weight's, and unclear otherwise.
func TestPounds(t *testing.T) {
	tests := []struct {
		in   string
		want PoundSense
	}{
		{"The ticket cost 5 pounds sterling.", PoundsMoney},
		{"A pint costs 5 pounds ($6.30) in London.", PoundsMoney},
		{"She was paid 50 pounds for the work.", PoundsMoney},
		{"He found a five-pound note on the floor.", PoundsMoney},
		{"The government sent 2 million pounds of aid.", PoundsMoney},
		{"The fine was 5 million pounds.", PoundsMoney},
		{"Police seized 300 pounds of cocaine.", PoundsWeight},
		{"He carried a 5-pound bag of rice.", PoundsWeight},
		{"The slate weighs 17 pounds, so carry it with care.", PoundsWeight},
		{"Agents sold 300 pounds of the drug.", PoundsWeight},
		{"She dropped to just 80 pounds.", PoundsUnclear},
	}
	for _, tt := range tests {
		tokens := Tokenize(tt.in)
		i := -1
		for k, tok := range tokens {
			if tok.Lower == "pound" || tok.Lower == "pounds" {
				i = k
			}
		}
		if got := Pounds(tokens, i); got != tt.want {
			t.Errorf("Pounds(%q) = %d, want %d", tt.in, got, tt.want)
		}
		q, _ := firstQuantity(t, tt.in)
		if money := q.Kind == Money; money != (tt.want == PoundsMoney) {
			t.Errorf("%q: the figure is money %v, want %v", tt.in, money, tt.want == PoundsMoney)
		}
	}
}
