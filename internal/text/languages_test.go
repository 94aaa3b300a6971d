package text

import (
	"slices"
	"sync"
	"testing"
)

func TestDetectLanguage(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Language
	}{
		{"english", "The ministry said on Tuesday that the talks would resume after the holiday.", English},
		{"german", "Die Regierung hat am Dienstag mitgeteilt, dass die Gespräche nach den Feiertagen wieder aufgenommen werden.", German},
		{"french", "Le ministère a indiqué mardi que les négociations reprendraient après les fêtes, selon un porte-parole.", French},
		{"spanish", "El ministerio dijo el martes que las negociaciones se reanudarán después de las fiestas, según un portavoz.", Spanish},
		{"portuguese", "O ministério disse na terça-feira que as negociações serão retomadas depois dos feriados, segundo um porta-voz.", Portuguese},
		{"italian", "Il ministero ha detto martedì che i negoziati riprenderanno dopo le feste, secondo un portavoce del governo.", Italian},
		{"dutch", "Het ministerie zei dinsdag dat de gesprekken na de feestdagen worden hervat, volgens een woordvoerder van de regering.", Dutch},
		{"polish", "Ministerstwo powiedziało we wtorek, że rozmowy zostaną wznowione po świętach, jak podała rzeczniczka.", Polish},
		{"russian", "Министерство заявило во вторник, что переговоры будут возобновлены после праздников, по словам представителя.", Russian},
		{"chinese", "国家统计局周二发布的数据显示，今年的经济增长已经放缓了。", Chinese},
		{"japanese", "日本の首相は火曜日に記者会見を開き、新しい経済対策を発表した。", Japanese},
		// Too little to go on: a foreign name or two in English stays English.
		{"english with a foreign name", "Der Spiegel and Le Monde reported the deal.", English},
		// German's three ("die" twice, "in") to English's two: a lead of
		// one more is not enough.
		{"english naming german parties", "Die Linke and Die Grünen won seats in Berlin.", English},
		{"a headline without function words", "Tesla recalls 2,000 cars", English},
		// English with its own function words stripped, as some data sets
		// give it: a few words that are function words elsewhere are not
		// enough.
		{"stripped english naming a shop", "men wearhouse offer billion today acquire competing men outlet jos bank month rejecting offer jos bank buy men wearhouse fair love war acquisition offer", English},
		{"stripped english naming a city", "los angeles lakers washington wizard free live stream tonight nba washington wizard los angeles lakers verizon center los angeles", English},
		{"empty", "", English},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Analyze(tt.in).Language; got != tt.want {
				t.Errorf("Analyze(%q).Language = %s, want %s", tt.in, got.Code(), tt.want.Code())
			}
		})
	}
}

// contentWords lists the words of a document Content keeps, as written.
func contentWords(doc *Doc) []string {
	var out []string
	for _, s := range doc.Sentences {
		for _, tok := range s.Tokens {
			if tok.Content() {
				out = append(out, tok.Lower)
			}
		}
	}
	return out
}

// stemsOf maps each word of a document, lower-cased, to its stem.
func stemsOf(doc *Doc) map[string]string {
	stems := map[string]string{}
	for _, s := range doc.Sentences {
		for _, tok := range s.Tokens {
			stems[tok.Lower] = tok.Stem
		}
	}
	return stems
}

// TestContentFollowsLanguage checks that function words are dropped by the
// document's language, and only by it: "war" is news in English and "was"
// in German.
func TestContentFollowsLanguage(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"The war was over before the treaty was signed in the spring.", []string{"war", "treaty", "signed", "spring"}},
		{"Der Krieg war vorbei, bevor der Vertrag im Frühjahr unterzeichnet wurde.", []string{"krieg", "vorbei", "bevor", "vertrag", "frühjahr", "unterzeichnet"}},
		{"Les ministres ont signé l'accord dans la nuit avec les syndicats.", []string{"ministres", "signé", "l'accord", "nuit", "syndicats"}},
		// "à" and Dutch "te" are among the commonest words of their languages.
		{"Les ministres sont arrivés à Paris à midi pour signer l'accord.", []string{"ministres", "arrivés", "paris", "midi", "signer", "l'accord"}},
		{"De regering heeft besloten om te stoppen met het plan.", []string{"regering", "besloten", "stoppen", "plan"}},
	}
	for _, tt := range tests {
		if got := contentWords(Analyze(tt.in)); !slices.Equal(got, tt.want) {
			t.Errorf("content of %q = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestElisionsReadAsTheWord checks that an elided article does not make a
// French or Italian word another term, in the text and in a title.
func TestElisionsReadAsTheWord(t *testing.T) {
	tests := []struct{ text, title, elided, bare string }{
		{"Le gouvernement a présenté l'accord aux syndicats et les syndicats ont rejeté cet accord.", "L'accord rejeté", "l'accord", "accord"},
		{"Le gouvernement a présenté l’accord aux syndicats et les syndicats ont rejeté cet accord.", "L’accord rejeté", "l’accord", "accord"},
		{"Il governo ha presentato il piano dell'Unione e i sindacati hanno respinto il piano della Unione.", "Il piano dell'Unione", "dell'unione", "unione"},
	}
	for _, tt := range tests {
		doc := Analyze(tt.text)
		stems := stemsOf(doc)
		if stems[tt.elided] == "" || stems[tt.elided] != stems[tt.bare] {
			t.Errorf("%q: stem of %q = %q, of %q = %q; want the same", tt.text, tt.elided, stems[tt.elided], tt.bare, stems[tt.bare])
		}
		found := false
		for _, tok := range doc.Tokenize(tt.title) {
			if tok.Lower == tt.elided {
				found = true
				if tok.Stem != stems[tt.bare] {
					t.Errorf("title %q: stem of %q = %q, want %q", tt.title, tok.Lower, tok.Stem, stems[tt.bare])
				}
			}
		}
		if !found {
			t.Errorf("title %q: no token %q", tt.title, tt.elided)
		}
	}
}

// TestStemsFollowLanguage checks that a word's forms share a stem by the
// document's language, so that two reports of one event match however
// each inflects it.
func TestStemsFollowLanguage(t *testing.T) {
	tests := []struct {
		text string
		same []string // words, as written lower-case, that must share a stem
	}{
		{"The government said the governments of both countries were negotiating.", []string{"government", "governments"}},
		{"Die Regierung sagte, die Regierungen beider Länder würden über den Vertrag und die Verträge verhandeln.", []string{"regierung", "regierungen"}},
		{"Die Regierung sagte, die Regierungen beider Länder würden über den Vertrag und die Verträge verhandeln.", []string{"vertrag", "verträge"}},
		{"Le gouvernement a dit que les négociations avec les universités continuent, et que l'université et chaque université seront consultées.", []string{"universités", "université", "l'université"}},
		{"El gobierno dijo que las negociaciones y la negociación con los sindicatos siguen.", []string{"negociaciones", "negociación"}},
		{"Правительство заявило во вторник, что переговоры с правительствами соседей будут идти до конца недели.", []string{"правительство", "правительствами"}},
	}
	for _, tt := range tests {
		stems := stemsOf(Analyze(tt.text))
		first := stems[tt.same[0]]
		for _, w := range tt.same {
			if stems[w] == "" || stems[w] != first {
				t.Errorf("%q: stems %q, want %v to share one", tt.text, stems, tt.same)
				break
			}
		}
	}
}

// TestDeclaredLanguage: a text with too few function words to tell is
// read in the language its source declares; one with enough is read by
// them, whatever the source says.
func TestDeclaredLanguage(t *testing.T) {
	tests := []struct {
		name, text, declared string
		want                 Language
	}{
		{"a German headline, declared", "Regierung stoppt Förderung", "de", German},
		{"a German headline, undeclared", "Regierung stoppt Förderung", "", English},
		{"a declared language the kit does not know", "Hallitus lopettaa tuen", "fi", English},
		{"German text declared English", "Die Regierung hat am Dienstag mitgeteilt, dass die Förderung für den Neubau gestoppt wird.", "en", German},
		{"English text declared German", "The government said on Tuesday that the subsidy for new buildings would be stopped.", "de", English},
	}
	for _, tt := range tests {
		if got := AnalyzeIn(tt.text, tt.declared).Language; got != tt.want {
			t.Errorf("%s: read as %s, want %s", tt.name, got.Code(), tt.want.Code())
		}
	}
}

// TestCharactersOfChineseAndJapanese: sentences end at their own full
// stops, each character is a token, and Latin words and numbers among
// them stay whole.
func TestCharactersOfChineseAndJapanese(t *testing.T) {
	tests := []struct {
		in        string
		sentences []string
		tokens    []string // of the first sentence
	}{
		{"苹果公司发布iPhone手机。销量增长了20%！", []string{"苹果公司发布iPhone手机。", "销量增长了20%！"},
			[]string{"苹", "果", "公", "司", "发", "布", "iPhone", "手", "机", "。"}},
		{"首相は「増税しない」と述べた。会見は続いた。", []string{"首相は「増税しない」と述べた。", "会見は続いた。"},
			[]string{"首", "相", "は", "「", "増", "税", "し", "な", "い", "」", "と", "述", "べ", "た", "。"}},
	}
	for _, tt := range tests {
		doc := Analyze(tt.in)
		var sentences, tokens []string
		for _, s := range doc.Sentences {
			sentences = append(sentences, s.Text)
		}
		if len(doc.Sentences) > 0 {
			for _, tok := range doc.Sentences[0].Tokens {
				tokens = append(tokens, tok.Text)
			}
		}
		if !slices.Equal(sentences, tt.sentences) || !slices.Equal(tokens, tt.tokens) {
			t.Errorf("%q: sentences %q, tokens %q; want %q, %q", tt.in, sentences, tokens, tt.sentences, tt.tokens)
		}
	}
}

// TestAnalyzeConcurrently checks that the word and stem caches, shared by
// the goroutines that prepare articles side by side, give each document
// the stems it gets alone. The goroutines start on words the caches have
// not seen, so that -race sees them filled at once.
func TestAnalyzeConcurrently(t *testing.T) {
	texts := []string{
		"Die Bundesregierung beriet, die Landesregierungen würden über Staatsverträge verhandeln.",
		"Les préfectures ont dit que les négociations avec les intercommunalités continuent.",
		"La alcaldía dijo que las deliberaciones con las cooperativas siguen.",
		"Министерство заявило, что переговоры с губернаторами продолжатся до конца недели.",
		"The governors said the prefectures of both provinces were deliberating.",
	}
	stemList := func(doc *Doc) []string {
		var out []string
		for _, s := range doc.Sentences {
			for _, tok := range s.Tokens {
				out = append(out, tok.Stem)
			}
		}
		return out
	}
	const goroutines = 8
	got := make([][][]string, goroutines)
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Go(func() {
			for k := range 4 * len(texts) {
				got[g] = append(got[g], stemList(Analyze(texts[(g+k)%len(texts)])))
			}
		})
	}
	wg.Wait()
	for g := range got {
		for k, stems := range got[g] {
			i := (g + k) % len(texts)
			if want := stemList(Analyze(texts[i])); !slices.Equal(stems, want) {
				t.Errorf("%q: stems %q side by side, %q alone", texts[i], stems, want)
			}
		}
	}
}
