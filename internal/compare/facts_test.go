package compare

import (
	"maps"
	"slices"
	"strings"
	"testing"
)

func findFact(res *Result, subject string) (int, bool) {
	for i, f := range res.Facts {
		if f.Subject == subject {
			return i, true
		}
	}
	return 0, false
}

func TestFactConflicts(t *testing.T) {
	tests := []struct {
		name     string
		a, b     string
		subject  string
		conflict bool
	}{
		{"about vs exact outside the margin",
			"Officials say about 24 living hostages are still held in the tunnels.",
			"Intelligence officials believe that only 22 living hostages are still held in the tunnels.",
			"living hostages", true},
		{"over 2,000 vs 2,100 overlap",
			"Israel freed over 2,000 Palestinian prisoners in the first phase of the deal.",
			"Israel freed 2,100 Palestinian prisoners in the first phase of the deal.",
			"released Palestinian prisoners", false},
		{"at least 12 vs 14 overlap",
			"At least 12 people died when the dam burst on Sunday.",
			"At least 14 people died when the dam burst on Sunday.",
			"dead people", false},
		{"a forecast in brackets is an aside, not the figure's clause",
			"Floodwaters killed 12 people (the toll is expected to rise) when the dam burst on Sunday, officials said.",
			"Floodwaters killed 40 people when the dam burst on Sunday, emergency services said.",
			"dead people", true},
		{"exact 12 vs at least 14",
			"Floodwaters killed 12 people when the dam burst on Sunday, officials said.",
			"At least 14 people died when the dam burst on Sunday, emergency services said.",
			"dead people", true},
		{"different contexts do not conflict",
			"About 30 people were taken to hospital with injuries on Sunday.",
			"More than 300 people spent the night in a school gymnasium on higher ground.",
			"people", false},
		{"vague amounts never conflict",
			"Thousands of protesters marched in the capital on Saturday against the new law.",
			"Tens of thousands of protesters marched in the capital on Saturday against the new law.",
			"protesters", false},
		{"a forecast is not a report",
			"Employers added 102,000 jobs in June, according to the payroll report.",
			"Economists expect that employers added 165,000 jobs in June, according to the payroll report.",
			"jobs", false},
		{"figures for different days",
			"The country reported 300,000 deaths from the virus on 17 December 2020, the tracker said.",
			"The country reported 400,000 deaths from the virus on 19 January 2021, the tracker said.",
			"deaths", false},
		{"a part and its whole",
			"Jurors found the defendant guilty on four of five charges in the trial.",
			"Jurors found the defendant guilty on three charges in the trial.",
			"charges", false},
		{"a count referred back to",
			"The two journalists were freed from the besieged city on Friday by the rebels.",
			"Four journalists were freed from the besieged city on Friday by the rebels.",
			"journalists", false},
		{"rounding is not conflict",
			"The Senate passed the $1 trillion infrastructure bill on Tuesday after months of talks.",
			"The Senate passed the $1.2 trillion infrastructure bill on Tuesday after months of talks.",
			"infrastructure bill", false},
		{"a range agrees with a figure inside it",
			"Between 30 and 35 people were hurt when the bridge collapsed on Sunday.",
			"Some 32 people were hurt when the bridge collapsed on Sunday.",
			"injured people", false},
		{"a range conflicts with a figure outside it",
			"30-35 people were hurt when the bridge collapsed on Sunday.",
			"60 people were hurt when the bridge collapsed on Sunday.",
			"injured people", true},
		{"ranges that meet agree",
			"30 to 35 people were hurt when the bridge collapsed on Sunday.",
			"35-40 people were hurt when the bridge collapsed on Sunday.",
			"injured people", false},
		{"an article's range and a figure inside it are one report",
			"Between 30 and 35 people were hurt when the bridge collapsed on Sunday. Police said 35 people were hurt when the bridge collapsed on Sunday.",
			"60 people were hurt when the bridge collapsed on Sunday.",
			"injured people", true},
		{"at least a range is at least its low end",
			"At least 30 to 35 people were hurt when the bridge collapsed on Sunday.",
			"31 people were hurt when the bridge collapsed on Sunday.",
			"injured people", false},
		{"up to a range is up to its high end",
			"Up to 30-35 people were hurt when the bridge collapsed on Sunday.",
			"34 people were hurt when the bridge collapsed on Sunday.",
			"injured people", false},
		{"a range's ends round as they do alone",
			"Between 200,000 and 300,000 people fled the floods in the north on Sunday.",
			"340,000 people fled the floods in the north on Sunday.",
			"people", false},
		{"a range of a measure",
			"Winds of 60–70 mph battered the coast on Sunday, forecasters said.",
			"Winds of 100 mph battered the coast on Sunday, forecasters said.",
			"winds in mph", true},
		{"a change is not a range",
			"Outside the parliament on Sunday, the crowd grew from 30 to 35 protesters in an hour.",
			"Outside the parliament on Sunday, the crowd was 40 protesters in an hour.",
			"protesters", false},
		{"percent",
			"The strike halted about 90 percent of passenger services, the union said.",
			"The union says 80 percent of passenger services were halted by the strike.",
			"% of passenger services", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := analyze(t, art{id: "a", outlet: "A", text: tt.a}, art{id: "b", outlet: "B", text: tt.b})
			conflict := false
			for _, f := range res.Facts {
				conflict = conflict || f.Conflict
			}
			if conflict != tt.conflict {
				t.Errorf("conflict = %v, want %v; facts %+v", conflict, tt.conflict, res.Facts)
			}
			if tt.conflict {
				if i, ok := findFact(res, tt.subject); !ok || !res.Facts[i].Conflict {
					t.Errorf("no conflict on %q: %+v", tt.subject, res.Facts)
				}
			}
		})
	}
}

func TestVersionsNeverConflict(t *testing.T) {
	res := analyze(t,
		art{id: "a", outlet: "Courier", text: "Floodwaters killed 12 people when the dam burst on Sunday, officials said."},
		art{id: "b", outlet: "Courier", versionOf: "a", text: "Floodwaters killed 14 people when the dam burst on Sunday, officials said."},
	)
	for _, f := range res.Facts {
		if f.Conflict {
			t.Errorf("one outlet's update conflicts with itself: %+v", f)
		}
	}
}

// TestRevisedFigures: an outlet's figure is its latest version's; what
// its earlier versions gave is its revision history, and a conflict is
// only between different outlets' current figures. A copy of an earlier
// version is as out of date as that version.
func TestRevisedFigures(t *testing.T) {
	toll := func(n string) string {
		return "Floodwaters killed " + n + " people when the dam burst on Sunday, officials said."
	}
	tests := []struct {
		name     string
		arts     []art
		conflict bool
		// standing maps each value that stands to what it was updated
		// from; revised maps each revised value to the versions that
		// superseded it.
		standing map[string]string
		revised  map[string]string
	}{
		{"one outlet's updates", []art{
			{id: "a1", outlet: "Courier", text: toll("12")},
			{id: "a2", outlet: "Courier", versionOf: "a1", text: toll("15")},
			{id: "a3", outlet: "Courier", versionOf: "a1", text: toll("17")},
		}, false, map[string]string{"17 people": "12 people,15 people"}, map[string]string{"12 people": "a3", "15 people": "a3"}},
		{"an update that agrees with another outlet", []art{
			{id: "a1", outlet: "Courier", text: toll("12")},
			{id: "b", outlet: "Post", text: toll("17")},
			{id: "a2", outlet: "Courier", versionOf: "a1", text: toll("17")},
		}, false, map[string]string{"17 people": "12 people"}, map[string]string{"12 people": "a2"}},
		{"an update away from another outlet", []art{
			{id: "a1", outlet: "Courier", text: toll("12")},
			{id: "b", outlet: "Post", text: toll("12")},
			{id: "a2", outlet: "Courier", versionOf: "a1", text: toll("17")},
		}, true, map[string]string{"17 people": "12 people", "12 people": ""}, map[string]string{"12 people": "a2"}},
		{"versions ordered by date, not arrival", []art{
			{id: "a2", outlet: "Courier", versionOf: "a1", date: "2025-03-06", text: toll("17")},
			{id: "a1", outlet: "Courier", date: "2025-03-05", text: toll("12")},
			{id: "b", outlet: "Post", text: toll("17")},
		}, false, map[string]string{"17 people": "12 people"}, map[string]string{"12 people": "a2"}},
		{"a later version without the figure leaves it standing", []art{
			{id: "a1", outlet: "Courier", text: toll("12")},
			{id: "b", outlet: "Post", text: toll("17")},
			{id: "a2", outlet: "Courier", versionOf: "a1", text: "The dam burst on Sunday after days of rain, officials said."},
		}, true, map[string]string{"12 people": "", "17 people": ""}, nil},
		{"an unchanged figure is not a revision", []art{
			{id: "a1", outlet: "Courier", text: toll("12")},
			{id: "a2", outlet: "Courier", versionOf: "a1", text: toll("12")},
			{id: "b", outlet: "Post", text: toll("17")},
		}, true, map[string]string{"12 people": "", "17 people": ""}, nil},
		{"a copy of an earlier version", []art{
			{id: "a1", outlet: "Courier", text: toll("12")},
			{id: "c", outlet: "Gazette", copyOf: "a1", text: toll("12")},
			{id: "a2", outlet: "Courier", versionOf: "a1", text: toll("17")},
			{id: "b", outlet: "Post", text: toll("17")},
		}, false, map[string]string{"17 people": "12 people"}, map[string]string{"12 people": "a2"}},
		{"a copy of the current version confirms nothing", []art{
			{id: "a", outlet: "Courier", text: toll("12")},
			{id: "c", outlet: "Gazette", copyOf: "a", text: toll("12")},
			{id: "b", outlet: "Post", text: toll("17")},
		}, true, map[string]string{"12 people": "", "17 people": ""}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := analyze(t, tt.arts...)
			i, ok := findFact(res, "dead people")
			if !ok {
				t.Fatalf("no toll: %+v", res.Facts)
			}
			f := res.Facts[i]
			if f.Conflict != tt.conflict {
				t.Errorf("conflict = %v, want %v: %+v", f.Conflict, tt.conflict, f.Values)
			}
			outlets := map[string]bool{}
			for _, a := range tt.arts {
				outlets[a.outlet] = a.copyOf == ""
			}
			if want := len(slices.DeleteFunc(slices.Collect(maps.Values(outlets)), func(b bool) bool { return !b })); f.Voices != want {
				t.Errorf("voices = %d, want %d", f.Voices, want)
			}
			standing, revised := map[string]string{}, map[string]string{}
			seenRevised := false
			for _, v := range f.Values {
				if len(v.SupersededBy) > 0 {
					seenRevised = true
					revised[v.Text] = strings.Join(v.SupersededBy, ",")
					continue
				}
				if seenRevised {
					t.Errorf("value %q that stands comes after a revised one", v.Text)
				}
				if _, ok := standing[v.Text]; ok {
					t.Errorf("value %q stands twice", v.Text)
				}
				standing[v.Text] = strings.Join(v.UpdatedFrom, ",")
			}
			if !maps.Equal(standing, tt.standing) || !maps.Equal(revised, tt.revised) && len(revised)+len(tt.revised) > 0 {
				t.Errorf("standing %v, revised %v; want %v, %v", standing, revised, tt.standing, tt.revised)
			}
		})
	}
}

func TestFactSubjects(t *testing.T) {
	res := analyze(t, art{id: "a", text: "Fifty-nine hostages are still held by Hamas, though Israeli intelligence believes that only 22 are still alive. " +
		"The Israeli Defense Forces confirmed that 59 hostages remain in captivity, with 35 of them already deceased. " +
		"The deal saw Hamas release 33 hostages in exchange for Israel freeing over 2,000 Palestinian prisoners. " +
		"The plan would require Hamas to release half its remaining hostages. One of them, 21-year-old Edan Alexander, is American."})
	want := map[string]struct {
		value       float64
		attributed  string
		mustHaveAny bool
	}{
		"hostages":                             {59, "", true},
		"living hostages":                      {22, "Israeli intelligence", true},
		"dead hostages":                        {35, "Israeli Defense Forces", true},
		"released hostages":                    {33, "", true},
		"released Palestinian prisoners":       {2000, "", true},
		"share of released remaining hostages": {0.5, "", true},
		"age of Edan Alexander":                {21, "", true},
	}
	for subject, w := range want {
		i, ok := findFact(res, subject)
		if !ok {
			t.Errorf("no fact %q; facts: %+v", subject, res.Facts)
			continue
		}
		found := false
		for _, v := range res.Facts[i].Values {
			if v.Value == w.value && (w.attributed == "" || v.AttributedTo == w.attributed) {
				found = true
			}
		}
		if !found {
			t.Errorf("fact %q: values %+v, want %g attributed to %q", subject, res.Facts[i].Values, w.value, w.attributed)
		}
	}
	for _, f := range res.Facts {
		if f.Conflict {
			t.Errorf("one article cannot conflict with itself: %+v", f)
		}
	}
}

// TestClauseAfterCount: a verb in -ing after a plural count opens a
// clause and is no part of what is counted, whether the plural is regular
// or not ("people", "men", "children").
func TestClauseAfterCount(t *testing.T) {
	tests := []struct{ sentence, subject string }{
		{"Some 200 passengers clashing with police were arrested.", "arrested passengers"},
		{"Some 200 people clashing with police were arrested.", "arrested people"},
		{"About 300 men fleeing the fighting crossed the border.", "men"},
		{"Around 40 children attending the school were evacuated.", "displaced children"},
	}
	for _, tt := range tests {
		t.Run(tt.sentence, func(t *testing.T) {
			res := analyze(t, art{id: "a", text: tt.sentence})
			if _, ok := findFact(res, tt.subject); !ok {
				t.Errorf("no fact %q; facts: %+v", tt.subject, res.Facts)
			}
		})
	}
}

// TestMeasureSubjects: a figure in a unit is a measure of something, named
// with the unit as one symbol however it is written, so that outlets'
// figures of one measure meet; verbs of estimation link an amount to its
// noun, and a verb after a count ends what it counts.
func TestMeasureSubjects(t *testing.T) {
	tests := []struct {
		sentence, subject string
		value             float64
	}{
		{"The storm dropped 200 mm of rain on the town in a day.", "rain in mm", 200},
		{"Some 300 millimetres of rain fell on the town in a day.", "rain in mm", 300},
		{"A storm with winds of 90 km/h hit the coast on Tuesday.", "winds in km/h", 90},
		{"Winds of up to 110 kilometres per hour battered the coast.", "winds in km/h", 110},
		{"Gusts reached 70 miles per hour on the bridge overnight.", "gusts in mph", 70},
		{"The company showed a 27-inch display at the fair.", "display in inches", 27},
		{"The fire burned across an area of 15 square miles.", "area in sq miles", 15},
		{"The river rose to 5 metres overnight, the agency said.", "river in m", 5},
		{"The phone is 10 mm taller than the last model.", "phone in mm", 10},
		{"Most of the players were born within 30 miles of London.", "miles", 30},
		{"The last contact with air traffic controllers was 120 nautical miles off the coast.", "contact in nautical miles", 120},
		{"Damage was put at $3.5 billion by the state.", "damage", 3.5e9},
		{"Some 12 people fell ill after eating at the fair.", "people", 12},
		// The noun a preposition governs is where the measure was taken,
		// not what was measured.
		{"Winds near the coast reached 120 km/h on Tuesday.", "winds in km/h", 120},
		{"Rainfall in the capital reached 150 mm on Sunday.", "rainfall in mm", 150},
		{"Temperatures in the city rose to 45 degrees.", "temperatures in degrees", 45},
		{"Water levels in the river rose to 5 metres.", "levels in m", 5},
		// Celsius and Fahrenheit are two units, however written.
		{"Temperatures reached 40 degrees Celsius in Madrid.", "temperatures in °C", 40},
		{"Temperatures reached 104 degrees Fahrenheit in Madrid.", "temperatures in °F", 104},
		{"Temperatures reached 40C in Madrid on Monday.", "temperatures in °C", 40},
		{"Temperatures reached 40°C in Madrid on Monday.", "temperatures in °C", 40},
		{"Temperatures hit 104F in Phoenix on Monday.", "temperatures in °F", 104},
		{"The city recorded 40C on Monday.", "°C", 40},
		// A letter glued to a number after a noun is a label.
		{"The passenger in seat 14F was unhurt.", "F", 14},
		{"Police found the body in apartment 4C.", "C", 4},
		// A height in feet and inches is one figure.
		{"The suspect is described as 5 feet 7 inches tall.", "feet", 5 + 7.0/12},
		{"The suspect, who is 5-foot-7, fled on foot.", "feet", 5 + 7.0/12},
		{"The 6-foot-5 forward scored 30 points.", "forward in feet", 6 + 5.0/12},
		{"The suspect is 6ft 2in tall.", "suspect in feet", 6 + 2.0/12},
		{"The 7 foot 2 center signed a new contract.", "center in feet", 7 + 2.0/12},
		// "cost" is a noun after a determiner or before the verb.
		{"The cost was estimated at $3 billion.", "cost", 3e9},
		{"The total cost was put at $40 million.", "cost", 4e7},
		{"Officials pegged the cost at $3 billion.", "cost", 3e9},
		{"The repairs cost $3 million.", "repairs", 3e6},
	}
	for _, tt := range tests {
		t.Run(tt.subject, func(t *testing.T) {
			res := analyze(t, art{id: "a", text: tt.sentence})
			i, ok := findFact(res, tt.subject)
			if !ok {
				t.Fatalf("no fact %q in %q; facts: %+v", tt.subject, tt.sentence, res.Facts)
			}
			if v := res.Facts[i].Values; len(v) != 1 || v[0].Value != tt.value {
				t.Errorf("fact %q: values %+v, want %g", tt.subject, v, tt.value)
			}
			for _, f := range res.Facts {
				if strings.HasPrefix(f.Subject, "inches") || (f.Subject == "C" || f.Subject == "F") && f.Subject != tt.subject {
					t.Errorf("a unit's part read as a fact of its own: %+v", f)
				}
			}
		})
	}
}

// TestFactAttribution: a figure is given to the head of the phrase that
// reports it, never to a person or place a preposition hangs on it.
func TestFactAttribution(t *testing.T) {
	tests := []struct{ text, want string }{
		{"President Anna Holt toured the coast. People close to Holt said 12 people had died.", "People close to Holt"},
		{"Health officials in the province on Monday said 12 people had died.", "Health officials in the province"},
		{"The toll rose to 12 dead, officials in Marrowby said.", "officials in Marrowby"},
		{"Mayor Ilse Varga said 12 people had died.", "Ilse Varga"},
	}
	for _, tt := range tests {
		res := analyze(t, art{id: "a", text: tt.text})
		var got []string
		for _, f := range res.Facts {
			for _, v := range f.Values {
				if v.Value == 12 {
					got = append(got, v.AttributedTo)
				}
			}
		}
		if len(got) != 1 || got[0] != tt.want {
			t.Errorf("%s\nthe figure 12 attributed to %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestRangeValue: a range is one value, its ends given as written.
func TestRangeValue(t *testing.T) {
	res := analyze(t, art{id: "a", outlet: "A", text: "Between 30 and 35 people were hurt when the bridge collapsed."})
	i, ok := findFact(res, "injured people")
	if !ok || len(res.Facts[i].Values) != 1 {
		t.Fatalf("want one value of injured people: %+v", res.Facts)
	}
	v := res.Facts[i].Values[0]
	if v.Value != 32.5 || v.Low != 30 || v.High == nil || *v.High != 35 || !slices.Equal(v.Range, []float64{30, 35}) || v.Text != "Between 30 and 35 people" {
		t.Errorf("value %+v, want 32.5 (30..35) with the range [30 35] as \"Between 30 and 35 people\"", v)
	}
}

// TestFiguresOfAnotherYear: a figure its sentence dates to a year before
// the other article's, whose own sentence gives no date, tells of an
// earlier event, not the one reported: "killing more than 200 people" in
// 1998's embassy bombings made a conflict with a 2015 shooting's "killing
// two people". Undated on both sides, or within one year, stays comparable.
func TestFiguresOfAnotherYear(t *testing.T) {
	tests := []struct {
		name     string
		a, b     art
		conflict bool
	}{
		{"an earlier year against an undated sentence",
			art{id: "a", outlet: "A", date: "2015-07-24", text: "A gunman opened fire at a cinema, killing two people, police said."},
			art{id: "b", outlet: "B", date: "2017-01-13", text: "In 1998, agents blew up two embassies, killing more than 200 people, officials said."},
			false},
		{"the same year",
			art{id: "a", outlet: "A", date: "2031-04-14", text: "Floodwaters killed 12 people when the dam burst, officials said."},
			art{id: "b", outlet: "B", date: "2031-04-15", text: "At least 14 people died when the dam burst in April 2031, emergency services said."},
			true},
		{"the last days of the year before, reported in January",
			art{id: "a", outlet: "A", date: "2031-01-02", text: "Floodwaters killed 12 people when the dam burst, officials said."},
			art{id: "b", outlet: "B", date: "2031-01-02", text: "At least 14 people died when the dam burst on Dec. 30, emergency services said."},
			true},
		{"both undated",
			art{id: "a", outlet: "A", date: "2031-04-14", text: "Floodwaters killed 12 people when the dam burst, officials said."},
			art{id: "b", outlet: "B", date: "2031-04-15", text: "At least 14 people died when the dam burst, emergency services said."},
			true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := analyze(t, tt.a, tt.b)
			conflict := false
			for _, f := range res.Facts {
				conflict = conflict || f.Conflict
			}
			if conflict != tt.conflict {
				t.Errorf("conflict = %v, want %v; facts %+v", conflict, tt.conflict, res.Facts)
			}
		})
	}
}
