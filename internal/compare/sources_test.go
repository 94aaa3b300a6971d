package compare

import (
	"strings"
	"testing"
)

func TestAttributions(t *testing.T) {
	res := analyze(t,
		art{id: "a", outlet: "A", text: "The talks were first reported earlier on Wednesday by the news site Axios."},
		art{id: "b", outlet: "B", text: "Axios first reported the secret talks, citing two sources with direct knowledge of the meetings."},
		art{id: "c", outlet: "C", text: `"No progress was made," a US official told Axios. The talks stalled, according to Reuters.`},
		art{id: "d", outlet: "D", text: "Israeli officials say about 24 hostages are alive."},
	)
	byName := map[string]int{}
	kinds := map[string]string{}
	first := map[string]bool{}
	for _, a := range res.Attributions {
		byName[a.Cited] = len(a.Sources)
		kinds[a.Cited] = a.Kind
		first[a.Cited] = a.FirstReported
	}
	if byName["Axios"] != 3 || kinds["Axios"] != "outlet" || !first["Axios"] {
		t.Errorf("Axios: cited by %d (%s, first %v), want 3 outlet first; all: %+v", byName["Axios"], kinds["Axios"], first["Axios"], res.Attributions)
	}
	if kinds["Reuters"] != "outlet" {
		t.Errorf("Reuters kind %q, want outlet", kinds["Reuters"])
	}
	if !strings.HasPrefix(kinds["two sources"], "anonymous") {
		t.Errorf("anonymous sources not found: %+v", res.Attributions)
	}
	if kinds["Israeli officials"] != "official" {
		t.Errorf("Israeli officials kind %q, want official", kinds["Israeli officials"])
	}
}

func TestClaims(t *testing.T) {
	res := analyze(t,
		art{id: "a1", outlet: "Courier", text: "The Hollin Dam, built in 1968, failed on Sunday after three days of heavy rain. The mayor promised a full inquiry into the collapse of the dam."},
		art{id: "a2", outlet: "Courier", versionOf: "a1", text: "The Hollin Dam, built in 1968, failed on Sunday after three days of heavy rain. The mayor promised a full inquiry into the collapse of the dam."},
		art{id: "b", outlet: "Northwind", text: "The Hollin Dam, which was built in 1968, failed on Sunday after three days of torrential rain. Engineers from Pell found cracks in two smaller dams upstream on Monday."},
	)
	var consensus, exclusive []string
	for _, c := range res.Claims {
		if c.Exclusive {
			exclusive = append(exclusive, c.Text)
			if c.Voices != 1 {
				t.Errorf("exclusive claim with %d voices: %+v", c.Voices, c)
			}
		} else {
			consensus = append(consensus, c.Text)
			if c.Voices < 2 {
				t.Errorf("consensus claim with %d voices: %+v", c.Voices, c)
			}
		}
	}
	if len(consensus) != 1 || !strings.Contains(consensus[0], "1968") {
		t.Errorf("consensus = %q, want the dam sentence", consensus)
	}
	for _, c := range res.Claims {
		if strings.Contains(c.Text, "inquiry") && !c.Exclusive {
			t.Errorf("two versions of one outlet made a consensus: %+v", c)
		}
	}
	if len(exclusive) == 0 {
		t.Error("no exclusive claims")
	}
}

func TestTimeline(t *testing.T) {
	res := analyze(t,
		art{id: "a", outlet: "A", date: "2025-03-06", text: "Leavitt spoke on Wednesday. The group was designated a terrorist organisation in 1997. The war began on 7 October 2023."},
		art{id: "b", outlet: "B", text: "Hostages have been held since 7 October. The group was designated a terrorist organisation in 1997."},
	)
	dates := map[string][]string{}
	for _, e := range res.Timeline {
		dates[e.Date] = e.Sources
	}
	if len(dates["1997"]) != 2 {
		t.Errorf("1997 event sources = %v, want both articles merged", dates["1997"])
	}
	if len(dates["2023-10-07"]) != 2 {
		t.Errorf("2023-10-07 sources = %v; \"7 October\" should take its year from the other article", dates["2023-10-07"])
	}
	if len(dates["2025-03-05"]) != 1 {
		t.Errorf("\"on Wednesday\" did not resolve to 2025-03-05: %+v", res.Timeline)
	}
	for i := 1; i < len(res.Timeline); i++ {
		if res.Timeline[i].Date < res.Timeline[i-1].Date[:4] {
			t.Errorf("timeline out of order: %s before %s", res.Timeline[i-1].Date, res.Timeline[i].Date)
		}
	}
}

// TestExclusiveNamesItsVoice: a claim only an original and the copy of it
// carry is that original outlet's, whichever of them comes first.
func TestExclusiveNamesItsVoice(t *testing.T) {
	shelter := "More than 300 people spent the night in a school gymnasium on higher ground, the Red Crescent said."
	res := analyze(t,
		art{id: "copy", outlet: "Harbor Daily", copyOf: "wire", text: "The Hollin Dam collapsed on Sunday and flooded the town of Marrowby. " + shelter},
		art{id: "wire", outlet: "Northwind", text: "The Hollin Dam collapsed on Sunday and flooded the town of Marrowby. " + shelter},
		art{id: "other", outlet: "Courier", text: "The Hollin Dam collapsed on Sunday and flooded the town of Marrowby. The mayor promised an inquiry into the upkeep of the dam."},
	)
	found := false
	for _, c := range res.Claims {
		if c.Exclusive && c.Text == shelter {
			found = true
			if c.Voice != "Northwind" {
				t.Errorf("the wire's claim, carried by its copy too, is named %q, want Northwind", c.Voice)
			}
		}
	}
	if !found {
		t.Fatalf("the shelter claim is not exclusive: %+v", res.Claims)
	}
}

func TestExclusiveNeedsNothingLikeItElsewhere(t *testing.T) {
	res := analyze(t,
		art{id: "a", outlet: "A", text: "Former governor Ann Price joined the race for president on Monday in an online video. Price was a geologist before she opened a chain of restaurants in Denver."},
		art{id: "b", outlet: "B", text: "Ann Price announced Monday that she is running for president, in a video posted online. Her campaign will hold its first rally in Pittsburgh next week."},
	)
	exclusive := map[string]bool{}
	for _, c := range res.Claims {
		if c.Exclusive {
			exclusive[c.Text] = true
		}
	}
	for text := range exclusive {
		if strings.Contains(text, "joined the race") || strings.Contains(text, "announced Monday") {
			t.Errorf("a paraphrase of another outlet's lead called exclusive: %q", text)
		}
	}
	if !exclusive["Her campaign will hold its first rally in Pittsburgh next week."] {
		t.Errorf("the rally, told by B alone, is not exclusive: %v", exclusive)
	}
}

func TestCitedParties(t *testing.T) {
	tests := []struct {
		name, text string
		cited      map[string]string // cited party → kind; "" means it must not be cited
	}{
		{"passive reported names no one", "No deaths have been reported. No injuries were reported, police said.",
			map[string]string{"No": "", "police": "official"}},
		{"passive reported by an outlet", "The deal was first reported by Reuters.",
			map[string]string{"Reuters": "outlet"}},
		{"a person after a preposition is not the subject", "President Donald Trump met the envoy. A source close to Trump said the meeting went badly.",
			map[string]string{"Donald Trump": "", "source close to Trump": "anonymous"}},
		{"a place after a preposition is not the subject", "Officials in Washington said the talks had stalled.",
			map[string]string{"Washington": "", "Officials in Washington": "official"}},
		{"the client of lawyers", "Mayor Ilse Varga spoke. Lawyers for Varga said she would appeal.",
			map[string]string{"Ilse Varga": ""}},
		{"a date after a preposition is left out", "Police on Sunday said the road was closed.",
			map[string]string{"Sunday": "", "Police": "official"}},
		{"where the words come from is cited", "The dam will be rebuilt, a statement from the prime minister's office said.",
			map[string]string{"prime minister's office": "official"}},
		{"the verb first, after a quote", "\"Our members have waited three years for a fair offer,\" said Jonas Arvid, the head of the union.",
			map[string]string{"Jonas Arvid": "person"}},
		{"the verb first, after a comma", "The dam will be rebuilt, said the ministry.",
			map[string]string{"ministry": "official"}},
		{"the verb first, a description, the name", "\"We had minutes, not hours,\" said fire chief Roberto Alvarez.",
			map[string]string{"Roberto Alvarez": "person"}},
		{"the verb first, then a date", "The dam will be rebuilt, said Monday.",
			map[string]string{"Monday": ""}},
		{"the verb first, then a date and what was said", "Sen. Mazie Hirono, D-Hawaii, said Monday the bill represents a chance for lawmakers to act.",
			map[string]string{"Monday the bill represents a chance for lawmakers": ""}},
		{"the verb first, then what was said", "Rear Adm. Hossein Khanzadi, Iran's naval chief, said Iran can deliver another \"crushing response\" soon.",
			map[string]string{"Iran can deliver another": ""}},
		{"the verb first, then what was found", "Visitors, once inside, found a photo of President Anna Holt hanging on the wall.",
			map[string]string{"photo of President Anna Holt hanging": ""}},
		{"the verb first, a title with a period", "\"We will not raise taxes,\" said Sen. Mitch McConnell, the majority leader.",
			map[string]string{"Mitch McConnell": "person", "Sen": ""}},
		{"the verb first, an abbreviated title", "Two men were arrested last week, said LAPD Det. Chris Barling.",
			map[string]string{"Chris Barling": "person", "LAPD Det": ""}},
		{"called names", "The system, called THAAD, has been the source of much controversy.",
			map[string]string{"THAAD": ""}},
		{"a surname that also ends places, after a title", "Governor Helen Park said the state would seek federal aid. Sen. Frank Church said the inquiry would go on.",
			map[string]string{"Helen Park": "person", "Governor Helen Park": "", "Frank Church": "person"}},
		{"a place is not a person", "Visitors to Hyde Park said the concert was loud. The President Obama Foundation said it would help.",
			map[string]string{"Hyde Park": "", "Obama Foundation": ""}},
		{"a middle initial", "David L. Evans said the deal was huge. Tyler Q. Houlton, an agency spokesman, said the drill went well.",
			map[string]string{"David L. Evans": "person", "Evans": "", "Tyler Q. Houlton": "person", "Houlton": ""}},
		{"a middle initial in a long title", "The police used excessive force, Attorney General Loretta E. Lynch announced Friday.",
			map[string]string{"Loretta E. Lynch": "person"}},
		{"a surname after a name with an initial", "Donald Trump spoke. Donald J. Trump left. Trump said the talks were over.",
			map[string]string{"Donald J. Trump": "person", "Trump": ""}},
		{"a title with a preposition stays", "Secretary of State Marco Rubio said the talks would go on.",
			map[string]string{"Marco Rubio": "person"}},
		{"an infinitive is not a preposition", "The car was found burning, and authorities launched a massive search to find the reported gunman.",
			map[string]string{"authorities launched a massive search to find the": "", "search to find the": ""}},
		{"an infinitive is not a preposition, before a verb of belief", `"We're excited to introduce new interactive shows that will continue to engage them."`,
			map[string]string{"We're excited to introduce new interactive": ""}},
		{"close to a noun phrase", "Sources close to the talks said a deal was near.",
			map[string]string{"Sources close to the talks": "anonymous"}},
		{"an honorific marks a person and is no part of the name", "Mr. Smith said the plan was sound. Ms. Lee said it was not. Sen. Warren said the bill would pass.",
			map[string]string{"Smith": "person", "Mr. Smith": "", "Lee": "person", "Ms. Lee": "", "Warren": "person"}},
		{"an honorific before a surname of a full name", "John Smith runs the firm. Mr. Smith said profits rose.",
			map[string]string{"John Smith": "person", "Smith": ""}},
		{"an institution of a place", "The Bank of England said rates would stay. The University of Michigan said enrolment fell.",
			map[string]string{"Bank of England": "organization", "of England": "", "University of Michigan": "organization", "of Michigan": ""}},
		{"an institution of two things", "Cases rose, according to the Department of Health and Human Services. The Centers for Disease Control and Prevention said so.",
			map[string]string{"Department of Health and Human Services": "official", "Department of Health": "", "Centers for Disease Control and Prevention": "organization", "Prevention": ""}},
		{"a place before a word is no title", "Exports from South Korea fell. Korea said the fall would end.",
			map[string]string{"Korea": "organization"}},
		{"Bill is a first name", "Host Bill Hemmer asked when the vote would be.",
			map[string]string{"Bill Hemmer": "person", "Hemmer": ""}},
		{"coordinated parties are each cited", "Reuters and the BBC said the talks had stalled. Police and the Red Cross said roads were shut.",
			map[string]string{"Reuters": "outlet", "BBC": "organization", "Police": "official", "Red Cross": "organization"}},
		{"a list of parties", "Reuters, AFP and the Associated Press reported the deal.",
			map[string]string{"Reuters": "outlet", "AFP": "outlet"}},
		{"a clause joined by and names no party", "Police arrested the driver and the mayor said he would be charged.",
			map[string]string{"Police arrested the driver": "", "Police": ""}},
		{"a list must open its clause", "In Paris, Reuters and the BBC said the talks had stalled. Officials from the United States, Canada and Britain said so.",
			map[string]string{"Paris": "", "Canada": ""}},
		{"an and inside a name", "The Food and Drug Administration said the drug was safe. Search-and-rescue teams said the boat was found.",
			map[string]string{"Food": "", "Search": ""}},
		{"one person's two titles", "Transport Minister and Deputy Prime Minister Warren Truss said the search would go on.",
			map[string]string{"Warren Truss": "person", "Transport Minister": ""}},
		{"a group the story writes in lower case", "Researchers said the drug worked. The researchers tested it on mice. Experts warned it was early. Several experts disagreed.",
			map[string]string{"Researchers": "", "Experts": ""}},
		{"a common noun phrase opening a sentence", "Local residents said the water rose fast. Campaign group Avaaz said the campaign would go on.",
			map[string]string{"Local residents": "", "Campaign group Avaaz": "organization"}},
		{"a list after and", "The assets included artworks by Picasso and Renoir and a yacht called Tits.",
			map[string]string{"Renoir": "", "Picasso": ""}},
		{"a participle and its agent end the party", "The talks stalled, according to a U.S. official cited by Axios. The road is shut, according to a police spokesman quoted by Reuters.",
			map[string]string{"U.S. official": "official", "U.S. official cited": "", "police spokesman": "official", "police spokesman quoted": "", "Axios": "outlet"}},
		{"a name that opens a sentence stays one", "Google said the outage was over. Engineers at Google fixed it. Officials said it was fine.",
			map[string]string{"Google": "organization", "Officials": "official"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkCited(t, analyze(t, art{id: "a", outlet: "A", text: tt.text}), tt.cited)
		})
	}
}

// TestSameNamed: one person's names with and without initials, or with a
// description before them, are one; another first name is another person.
func TestSameNamed(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Donald J. Trump", "Donald Trump", true},
		{"Republican Roy Moore", "Roy S. Moore", true},
		{"Oliver J. T. O'Grady", "Oliver O'Grady", true},
		{"Jill Biden", "Joseph R. Biden", false},
		{"Chuck Schumer", "Charles E. Schumer", false},
		{"Donald John Trump", "Donald Trump", true},
	}
	for _, tt := range tests {
		if got := sameNamed(tt.a, tt.b); got != tt.want {
			t.Errorf("sameNamed(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestSurnamesAcrossArticles: a surname that opens a sentence, in an article
// that writes it nowhere else, is the person another article names in
// full, or any person a title names.
func TestSurnamesAcrossArticles(t *testing.T) {
	tests := []struct {
		name  string
		texts []string
		cited map[string]string // cited party → kind; "" means it must not be cited
	}{
		{"the full name elsewhere", []string{"Senate leader Mitch McConnell spoke on Monday.", "McConnell said the vote would fail."},
			map[string]string{"Mitch McConnell": "person", "McConnell": ""}},
		{"a surname two persons share, after a title", []string{"On Monday, Donald Trump and Ivanka Trump arrived. President Trump spoke first.", "Trump said the talks were over."},
			map[string]string{"Trump": "person"}},
		{"a surname two names share and no title", []string{"Unlike Samsung phones, the handset is waterproof. Overall Samsung sales fell.", "Samsung said sales would recover."},
			map[string]string{"Samsung": "organization"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var arts []art
			for i, text := range tt.texts {
				arts = append(arts, art{id: string(rune('a' + i)), outlet: string(rune('A' + i)), text: text})
			}
			checkCited(t, analyze(t, arts...), tt.cited)
		})
	}
}

// checkCited checks the kind of each party in want ("" means it must not
// be cited) against what res cites.
func checkCited(t *testing.T, res *Result, want map[string]string) {
	t.Helper()
	kinds := map[string]string{}
	for _, a := range res.Attributions {
		kinds[a.Cited] = a.Kind
	}
	for cited, kind := range want {
		got, ok := kinds[cited]
		switch {
		case kind == "" && ok:
			t.Errorf("%q cited as %s", cited, got)
		case kind != "" && got != kind:
			t.Errorf("%q cited as %q, want %s; all: %v", cited, got, kind, kinds)
		}
	}
}
