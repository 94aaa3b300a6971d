package compare

import (
	"math"
	"testing"

	"github.com/corroborate/corroborate/internal/news"
)

// TestUnitReadings: "m" is metres where a length shows and a million
// otherwise, a minus sign stays with its figure, and a pound is a weight
// only where the words say so.
func TestUnitReadings(t *testing.T) {
	tests := []struct {
		sentence, subject string
		value             float64
		unit              string
	}{
		{"The suspect is 1.75m tall, police said.", "suspect in m", 1.75, "m"},
		{"Workers built a 30m wall around the plant.", "wall in m", 30, "m"},
		{"The 8m-long boat capsized near the harbour.", "boat in m", 8, "m"},
		{"The storm left 2m of snow in the valley.", "snow in m", 2, "m"},
		{"The charity raised £5m for the hospital.", "hospital", 5e6, ""},
		{"Some 2m people were left without power.", "people", 2e6, ""},
		{"The storm dropped 20cm of snow.", "snow in cm", 20, "cm"},
		{"Rescuers walked 12km to the village.", "km", 12, "km"},
		{"Temperatures fell to minus 20 degrees overnight.", "temperatures in degrees", -20, "degrees"},
		{"Temperatures fell to -20C overnight.", "temperatures in °C", -20, "°C"},
		{"Temperatures fell to −5 °C overnight.", "temperatures in °C", -5, "°C"},
		{"Temperatures fell to 20 degrees below zero.", "temperatures in degrees", -20, "degrees"},
		{"Keepers bring the birds in when it falls below -25 C.", "°C", -25, "°C"},
		{"Trains reached 6.25 m/s on the line.", "trains in m/s", 6.25, "m/s"},
		{"Output fell to -3% in May.", "% of output", -3, ""},
		{"Police seized 300 lbs of cocaine at the port.", "cocaine in lb", 300, "lb"},
		{"Police seized 300 pounds of cocaine at the port.", "cocaine in lb", 300, "lb"},
		{"He carried a 5-pound bag of rice.", "bag in lb", 5, "lb"},
		{"She dropped to just 80 pounds in a year.", "pounds", 80, "pounds"},
	}
	for _, tt := range tests {
		t.Run(tt.sentence, func(t *testing.T) {
			res := analyze(t, art{id: "a", text: tt.sentence})
			i, ok := findFact(res, tt.subject)
			if !ok {
				t.Fatalf("no fact %q; facts: %+v", tt.subject, res.Facts)
			}
			if v := res.Facts[i].Values; len(v) != 1 || v[0].Value != tt.value || v[0].Unit != tt.unit {
				t.Errorf("fact %q: values %+v, want %g %q", tt.subject, v, tt.value, tt.unit)
			}
		})
	}
}

// TestMoneyInPounds: a pound with a currency's marks stays money, never
// a weight.
func TestMoneyInPounds(t *testing.T) {
	for _, s := range []string{
		"The tickets cost 5 pounds sterling at the door.",
		"The tickets cost 5 pounds ($6.30) at the door.",
		"The tickets cost £5 at the door.",
		"The club paid £30 m for the striker.", // a million, not metres
	} {
		res := analyze(t, art{id: "a", text: s})
		for _, f := range res.Facts {
			for _, v := range f.Values {
				if v.Unit != "" {
					t.Errorf("%q: money read as a measure: %+v", s, f)
				}
			}
		}
	}
}

// TestUnitConflicts: figures of one measure in different units are
// compared on one scale, within the rounding a conversion prints; a
// negative figure is not its positive; a conversion in brackets is part
// of the figure it restates.
func TestUnitConflicts(t *testing.T) {
	tests := []struct {
		name     string
		a, b     string
		conflict bool
	}{
		{"mph and km/h agree",
			"The storm brought winds of 70 mph to the coast on Tuesday, forecasters said.",
			"The storm brought winds of 113 km/h to the coast on Tuesday, forecasters said.", false},
		{"mph and km/h differ",
			"The storm brought winds of 70 mph to the coast on Tuesday, forecasters said.",
			"The storm brought winds of 150 km/h to the coast on Tuesday, forecasters said.", true},
		{"a rounded conversion agrees",
			"The storm brought winds of 70 mph to the coast on Tuesday, forecasters said.",
			"The storm brought winds of 110 km/h to the coast on Tuesday, forecasters said.", false},
		{"miles and km agree",
			"The fire has burned 100 miles of forest along the highway since Monday.",
			"The fire has burned 160 km of forest along the highway since Monday.", false},
		{"miles and km differ",
			"The fire has burned 100 miles of forest along the highway since Monday.",
			"The fire has burned 300 km of forest along the highway since Monday.", true},
		{"feet and metres agree",
			"Flood water in the streets of the old town rose to 5 feet on Sunday, officials said.",
			"Flood water in the streets of the old town rose to 1.5 metres on Sunday, officials said.", false},
		{"feet and metres differ",
			"Flood water in the streets of the old town rose to 5 feet on Sunday, officials said.",
			"Flood water in the streets of the old town rose to 3 metres on Sunday, officials said.", true},
		{"Fahrenheit and Celsius agree",
			"Temperatures in the city reached 104F on Monday, the weather service said.",
			"Temperatures in the city reached 40C on Monday, the weather service said.", false},
		{"Fahrenheit and Celsius differ",
			"Temperatures in the city reached 95F on Monday, the weather service said.",
			"Temperatures in the city reached 40C on Monday, the weather service said.", true},
		{"pounds and kg agree",
			"Customs officers seized 300 lbs of cocaine hidden in a shipment of bananas.",
			"Customs officers seized 136 kg of cocaine hidden in a shipment of bananas.", false},
		{"pounds and kg differ",
			"Customs officers seized 300 lbs of cocaine hidden in a shipment of bananas.",
			"Customs officers seized 300 kg of cocaine hidden in a shipment of bananas.", true},
		{"a negative figure is not its positive",
			"Temperatures in the city fell to -20C on Monday, the weather service said.",
			"Temperatures in the city fell to 20C on Monday, the weather service said.", true},
		{"minus and the sign agree",
			"Temperatures in the city fell to minus 20 degrees Celsius on Monday, the weather service said.",
			"Temperatures in the city fell to -20C on Monday, the weather service said.", false},
		{"a conversion in brackets is one figure",
			"The storm brought winds of 70 mph (113 km/h) to the coast on Tuesday, forecasters said.",
			"The storm brought winds of 90 mph to the coast on Tuesday, forecasters said.", true},
		{"metres are not millions",
			"Workers built a 30m wall around the plant on the coast, officials said.",
			"Workers built a 30 metre wall around the plant on the coast, officials said.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := analyze(t, art{id: "a", outlet: "A", text: tt.a}, art{id: "b", outlet: "B", text: tt.b})
			conflict, measures := false, 0
			for _, f := range res.Facts {
				conflict = conflict || f.Conflict
				for _, v := range f.Values {
					if v.Unit != "" {
						measures++
					}
				}
			}
			if conflict != tt.conflict {
				t.Errorf("conflict = %v, want %v; facts %+v", conflict, tt.conflict, res.Facts)
			}
			if measures == 0 {
				t.Errorf("no measure read; facts %+v", res.Facts)
			}
		})
	}
}

// TestConversionIsOneFigure: "70 mph (113 km/h)" is one figure in the
// outlet's first wording, and a fact in several units says so.
func TestConversionIsOneFigure(t *testing.T) {
	res := analyze(t,
		art{id: "a", outlet: "A", text: "The storm brought winds of 70 mph (113 km/h) to the coast."},
		art{id: "b", outlet: "B", text: "The storm brought winds of 110 km/h to the coast."})
	i, ok := findFact(res, "winds in mph or km/h")
	if !ok {
		t.Fatalf("no fact on winds in both units: %+v", res.Facts)
	}
	f := res.Facts[i]
	if len(f.Values) != 2 || f.Values[0].Text != "70 mph" || f.Values[0].Unit != "mph" || f.Values[1].Text != "110 km/h" || f.Conflict {
		t.Errorf("values %+v, want 70 mph and 110 km/h in agreement", f.Values)
	}
	if len(res.Facts) != 1 {
		t.Errorf("the bracketed conversion read as a figure of its own: %+v", res.Facts)
	}
}

// TestUnitAloneKeepsItsUnit: a figure that names nothing but its unit
// meets only figures in that unit: "30 miles" from a town and "50 km" of
// road are not one measure.
func TestUnitAloneKeepsItsUnit(t *testing.T) {
	res := analyze(t,
		art{id: "a", outlet: "A", text: "The town lies 30 miles north of the border."},
		art{id: "b", outlet: "B", text: "The town lies 80 km north of the border."})
	for _, subject := range []string{"miles", "km"} {
		if _, ok := findFact(res, subject); !ok {
			t.Errorf("no fact %q: %+v", subject, res.Facts)
		}
	}
}

// TestValuesOverlap: the summary pairs a disputed value with those it
// cannot be reconciled with, on one scale across units.
func TestValuesOverlap(t *testing.T) {
	value := func(v float64, unit, text string) news.FactValue {
		return news.FactValue{Value: v, Low: v, High: &v, Unit: unit, Text: text}
	}
	tests := []struct {
		a, b news.FactValue
		want bool
	}{
		{value(70, "mph", "70 mph"), value(113, "km/h", "113 km/h"), true},
		{value(70, "mph", "70 mph"), value(150, "km/h", "150 km/h"), false},
		{value(-20, "°C", "-20C"), value(-4, "°F", "-4F"), true},
		{value(-20, "°C", "-20C"), value(20, "°C", "20C"), false},
		{value(12, "", "12 people"), value(12, "", "12 people"), true},
	}
	for _, tt := range tests {
		if got := ValuesOverlap(tt.a, tt.b); got != tt.want {
			t.Errorf("ValuesOverlap(%q, %q) = %v, want %v", tt.a.Text, tt.b.Text, got, tt.want)
		}
	}
}

// TestConvert: figures of one measure move between its units, both ways
// and with an offset; units of different measures do not meet.
func TestConvert(t *testing.T) {
	tests := []struct {
		x        float64
		from, to string
		want     float64
		ok       bool
	}{
		{70, "mph", "km/h", 112.65408, true},
		{112.65408, "km/h", "mph", 70, true},
		{212, "°F", "°C", 100, true},
		{-40, "°C", "°F", -40, true},
		{3, "pounds", "pounds", 3, true},
		{5, "km", "kg", 0, false},
		{5, "km", "furlongs", 0, false},
	}
	for _, tt := range tests {
		got, ok := Convert(tt.x, tt.from, tt.to)
		if ok != tt.ok || math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("Convert(%v, %q, %q) = %v, %v; want %v, %v", tt.x, tt.from, tt.to, got, ok, tt.want, tt.ok)
		}
	}
}
