package compare

import (
	"slices"
	"strings"
	"testing"
)

// TestLoneWordKinds: a lone capitalised word cited as a party is a person
// or an organisation by how the story writes it elsewhere; with no cue it
// stays an organisation.
func TestLoneWordKinds(t *testing.T) {
	tests := []struct {
		name, text string
		cited      map[string]string
	}{
		{"no cue", "Okafor said the plant would close.",
			map[string]string{"Okafor": "organization"}},
		{"a pronoun speaks on in the next sentence", "Okafor said the plant would close. He added that no jobs would be saved.",
			map[string]string{"Okafor": "person"}},
		{"a pronoun speaks on after a quotation", `"No," Okafor said. "Never," she added.`,
			map[string]string{"Okafor": "person"}},
		{"a pronoun speaks on in the sentence", "Okafor said the plant was sound, she told reporters.",
			map[string]string{"Okafor": "person"}},
		{"a pronoun after another person named", "Okafor said Anna Holt would lead the plant. She added that jobs would go.",
			map[string]string{"Okafor": "organization"}},
		{"a pronoun that speaks of no one", "Okafor said the plant would close. It added that jobs would go.",
			map[string]string{"Okafor": "organization"}},
		{"an age", "Okafor said the plant would close. Okafor, 54, has run it since 1999.",
			map[string]string{"Okafor": "person"}},
		{"who", "Okafor, who runs the plant, said it would close.",
			map[string]string{"Okafor": "person"}},
		{"an age in words", "Okafor, a 23-year-old student, said the guard shouted.",
			map[string]string{"Okafor": "person"}},
		{"a pronoun right after the verb", "Okafor said her daughter was safe.",
			map[string]string{"Okafor": "person"}},
		{"a plural names a group", "Okafors say he will win. The Okafor family is rich.",
			map[string]string{"Okafors": "organization"}},
		{"a first name of a person named in full", "The clinic treated Paula Okafor for years. Paula said the pain was gone.",
			map[string]string{"Paula": "person"}},
		{"a first word before other names", "We sold the Paula Tote. The clinic treated Paula Okafor. Paula said the pain was gone.",
			map[string]string{"Paula": "organization"}},
		{"a first name of two persons", "The clinic treated Paula Okafor and Paula Mensah. Paula said the pain was gone.",
			map[string]string{"Paula": "organization"}},
		{"a first name before an initial", "The clinic treated Paula J. Okafor. Paula said the pain was gone.",
			map[string]string{"Paula": "person"}},
		{"a first name opening its sentence", "Paula Okafor runs the clinic. Paula said the pain was gone.",
			map[string]string{"Paula": "person"}},
		{"a first word the story writes in lower case", "Voters back the Critics Okafor plan, and Critics Okafor fans cheer. Critics said the plan was bad. Some critics left.",
			map[string]string{"Critics": "organization"}},
		{"initials name no person", "NTSB said he was at the wheel. He added that it was late.",
			map[string]string{"NTSB": "organization"}},
		{"a statement is a weak cue", "Okafor said in a statement that the plant would close. She added that jobs would go.",
			map[string]string{"Okafor": "person"}},
		{"which outweighs who", "Okafor said the plant would close. Okafor, who runs it, was sold. Okafor, which runs it, was sold. Okafor, which runs it, was sold.",
			map[string]string{"Okafor": "organization"}},
		{"as many cues each way", "Okafor said the plant would close. He added that jobs would go. Okafor, which runs it, was sold.",
			map[string]string{"Okafor": "organization"}},
		{"a spokesman", "Okafor said the plant would close. He added that jobs would go. An Okafor spokesman declined to comment. Okafor's spokesperson was busy.",
			map[string]string{"Okafor": "organization"}},
		{"shares", "Okafor said the plant would close, he added. Shares of Okafor fell. Okafor shares rose.",
			map[string]string{"Okafor": "organization"}},
		{"a statement", "Okafor said in a statement that the plant would close. She added that jobs would go. Okafor said in a filing that it was sold.",
			map[string]string{"Okafor": "organization"}},
		{"its", "Okafor said its plant would close. She added that jobs would go. Okafor said its profits fell.",
			map[string]string{"Okafor": "organization"}},
		{"a company's suffix", "Okafor said the plant would close, he said. Okafor Inc makes boats. Okafor Corp sells them.",
			map[string]string{"Okafor": "organization"}},
		{"the story's outlet", "Axios said the talks had stalled.",
			map[string]string{"Axios": "outlet"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkCited(t, analyze(t, art{id: "a", outlet: "A", text: tt.text}, art{id: "b", outlet: "Axios", text: "The talks went on."}), tt.cited)
		})
	}
}

// TestCitedThroughGroup: an institution cited through a group of its
// people is the party cited, and the group is what it is cited as.
func TestCitedThroughGroup(t *testing.T) {
	tests := []struct {
		name, text   string
		cited, group string // group "" means it must not be cited
	}{
		{"one word", "Jefferies analysts said the stock was cheap.", "Jefferies", "analysts"},
		{"a name a person's could be", "Goldman Sachs economists said growth would slow.", "Goldman Sachs", "economists"},
		{"the group first", "Analysts at Jefferies said the stock was cheap.", "Jefferies", "analysts"},
		{"the group first, a determiner", "Economists at the Bank of England said growth would slow.", "Bank of England", "economists"},
		{"a nationality", "Japanese researchers said the drug worked.", "Japanese", ""},
		{"a place in initials", "Growth slowed, U.S. economists said.", "U.S.", ""},
		{"a person's aides", "Trump aides said the talks stalled.", "Trump", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := analyze(t, art{id: "a", outlet: "A", text: tt.text})
			for _, a := range res.Attributions {
				if a.Cited != tt.cited {
					continue
				}
				if tt.group == "" {
					t.Fatalf("%q cited: %+v", tt.cited, a)
				}
				if a.Kind != "organization" || !slices.Equal(a.As, []string{tt.group}) {
					t.Errorf("%q cited as %s %v, want organization [%s]", a.Cited, a.Kind, a.As, tt.group)
				}
				return
			}
			if tt.group != "" {
				t.Errorf("%q not cited: %+v", tt.cited, res.Attributions)
			}
		})
	}
}

// TestOutletsNamedByCommonWords: an outlet whose name is also a common
// noun is cited where it stands as a source, though the story writes the
// word in lower case too; and a party told something is cited only if it
// is an outlet.
func TestOutletsNamedByCommonWords(t *testing.T) {
	tests := []struct {
		name, text string
		cited      map[string]string
	}{
		{"written elsewhere as a source", "Time reported that she would return. It was time to go. The cover of Time magazine was red.",
			map[string]string{"Time": "outlet"}},
		{"cited elsewhere as a source", "Time reported that she would return. It was time to go. The cover was red, according to Time.",
			map[string]string{"Time": "outlet"}},
		{"never cited as a source", "People reported feeling ill. Many people left.",
			map[string]string{"People": ""}},
		{"told elsewhere", "Time reported that she would return. It was time to go, time to rest. He told Time so.",
			map[string]string{"Time": "outlet"}},
		{"told the outlet", "She told the Star that the deal was off. The star of the show left.",
			map[string]string{"Star": "outlet"}},
		{"told a party that is no outlet", "She told the FBI that she was innocent.",
			map[string]string{"FBI": ""}},
		{"told an outlet the story names as one", "She told the BBC that she was innocent. BBC News reported it first.",
			map[string]string{"BBC": "outlet"}},
		{"told an outlet's journalist", "She told the BBC's correspondent Colin Paterson that she was innocent. He told CNN's Christiane Amanpour so.",
			map[string]string{"BBC": "outlet", "Colin Paterson": "", "CNN": "outlet", "CNN's Christiane Amanpour": "", "Christiane Amanpour": ""}},
		{"told an outlet, then what was said of someone", "She told The Associated Press the minister's car was stolen.",
			map[string]string{"Associated Press": "outlet"}},
		{"told an outlet, then what was said", "Officials told the Korea Herald Samsung would leave the market.",
			map[string]string{"Korea Herald": "outlet", "Korea Herald Samsung": ""}},
		{"a masthead word in another name before what it names",
			"The chief told the Standard Chartered board that profits fell. She told the Times Square crowd that the war was over. He told the Post Office inquiry that he had not known.",
			map[string]string{"Standard": "", "Standard Chartered board": "", "Times Square crowd": "", "Post Office inquiry": ""}},
		{"told an outlet named with its kind, then what was said", "He told the Economist magazine there is no evidence. She told the White House press corps to wait.",
			map[string]string{"Economist": "outlet", "White House": ""}},
		{"a masthead's opening word", "She told The Daily Beast that she was innocent. He told the Australian Broadcasting Corporation so.",
			map[string]string{"Daily Beast": "outlet", "Daily": "", "Australian Broadcasting Corporation": "outlet"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := analyze(t, art{id: "a", outlet: "A", text: tt.text})
			checkCited(t, res, tt.cited)
			for _, a := range res.Attributions {
				if opening := strings.SplitAfter(tt.text, ".")[0]; tt.cited[a.Cited] != "" && strings.Contains(opening, a.Cited) && a.Statements[0].Text != opening {
					t.Errorf("%q is cited first for %q, want the opening sentence", a.Cited, a.Statements[0].Text)
				}
			}
		})
	}
}
