package pipeline

import (
	"context"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/corroborate/corroborate/internal/ingest"
	"github.com/corroborate/corroborate/internal/news"
)

func readExamples(t *testing.T) []*news.Article {
	t.Helper()
	var articles []*news.Article
	ingest.Paths(context.Background(), []string{filepath.Join("..", "..", "examples", "fictional")}, nil, ingest.Options{}, func(a *news.Article, e *news.ItemError) {
		if e != nil {
			t.Fatalf("reading examples: %+v", e)
		}
		articles = append(articles, a)
	})
	return articles
}

func TestAnalyzeExamples(t *testing.T) {
	articles := readExamples(t)
	rep := Analyze(context.Background(), articles, DefaultOptions())
	if len(rep.Errors) != 0 {
		t.Errorf("errors: %+v", rep.Errors)
	}
	seen := map[string]int{}
	for _, s := range rep.Stories {
		for _, id := range s.Articles {
			seen[id]++
		}
		if len(s.Summary) == 0 || s.Headline == "" {
			t.Errorf("story %s has no summary or headline", s.ID)
		}
	}
	for _, a := range rep.Articles {
		if seen[a.ID] != 1 {
			t.Errorf("article %s is in %d stories, want exactly 1", a.ID, seen[a.ID])
		}
	}
	byID := map[string]*news.Article{}
	for _, a := range rep.Articles {
		byID[a.ID] = a
	}
	if v := byID["courier-flood-2"].VersionOf; v == nil || *v != "courier-flood-1" || !byID["courier-flood-2"].Latest {
		t.Errorf("courier-flood-2 should be the latest version of courier-flood-1: %+v", byID["courier-flood-2"])
	}
	if d := byID["harbor-daily-wire-copy"].DuplicateOf; d == nil || *d != "northwind-wire" {
		t.Errorf("the Harbor Daily copy should point at the wire it credits: %v", d)
	}
	if len(rep.Stories) != 3 {
		t.Errorf("%d stories, want 3 (flood, rail strike, chess)", len(rep.Stories))
	}
}

func TestUniqueIDs(t *testing.T) {
	articles := []*news.Article{{ID: "a"}, {ID: "a"}, {ID: "b"}, {ID: "a"}}
	uniqueIDs(articles)
	got := []string{articles[0].ID, articles[1].ID, articles[2].ID, articles[3].ID}
	want := []string{"a", "a~2", "b", "a~3"}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("IDs = %v, want %v", got, want)
			break
		}
	}
}

func TestEmptyArticleIsReported(t *testing.T) {
	articles := []*news.Article{{ID: "x", Source: "x.txt", Text: "Advertisement\n\nShare this article"}, {ID: "y", Source: "y.txt", Text: "Officials said the bridge reopened on Monday after repairs."}}
	rep := Analyze(context.Background(), articles, DefaultOptions())
	if len(rep.Errors) != 1 || rep.Errors[0].Source != "x.txt" {
		t.Errorf("errors = %+v, want one for x.txt", rep.Errors)
	}
	if len(rep.Articles) != 1 || len(rep.Stories) != 1 {
		t.Errorf("%d articles in %d stories, want 1 in 1", len(rep.Articles), len(rep.Stories))
	}
}

// TestCurlyQuotes checks that typographic quotes reach the quote finder as
// quotations: the cleaner straightens them first.
func TestCurlyQuotes(t *testing.T) {
	articles := []*news.Article{
		{ID: "a", Outlet: "A", Text: "“We are doing everything we can to help,” Mayor Ilse Varga said on Monday after the flood."},
		{ID: "b", Outlet: "B", Text: "Mayor Ilse Varga said: ‘We are doing everything we can to help.’ The flood hit on Sunday."},
	}
	rep := Story(context.Background(), articles, DefaultOptions())
	if len(rep.Stories) != 1 || len(rep.Stories[0].Quotes) == 0 {
		t.Fatalf("no quotes found: %+v", rep.Stories)
	}
	q := rep.Stories[0].Quotes[0]
	if q.Speaker != "Ilse Varga" || len(sourcesOf(q)) != 2 {
		t.Errorf("quote %+v: want Ilse Varga's words from both articles", q)
	}
}

func sourcesOf(q news.Quote) map[string]bool {
	set := map[string]bool{}
	for _, v := range q.Variants {
		for _, s := range v.Sources {
			set[s] = true
		}
	}
	return set
}

// TestStoriesInOtherLanguages checks that articles in languages other
// than English are grouped by what they say: not by the function words
// every text of a language shares (French), and not by whole clauses
// where words are written without spaces (Chinese). Reports of one event
// join, unrelated ones stay apart.
func TestStoriesInOtherLanguages(t *testing.T) {
	tests := []struct {
		name     string
		articles []*news.Article
		together []string // one event's reports
		apart    []string // unrelated news, each its own, and apart from the event
	}{
		{"french", []*news.Article{
			{ID: "fac", Outlet: "A", Title: "Les universités de la région face à la réforme", Text: "Les présidents des universités de la région ont dénoncé mardi la réforme des bourses. Selon eux, elle est mal préparée et les étudiants en seront les premières victimes. Le ministère a répondu que les crédits seront maintenus pour la rentrée et que la concertation se poursuit avec les syndicats."},
			{ID: "elephants", Outlet: "B", Title: "En Guinée, les éléphants perdent leurs forêts", Text: "Dans le sud de la Guinée, les éléphants sont de plus en plus nombreux à quitter les forêts. Les plantations de cacao et les coupes de bois ont réduit leur territoire de moitié en dix ans. Les villageois se plaignent de champs dévastés et demandent une aide de l'État pour les protéger."},
			{ID: "choeur", Outlet: "C", Title: "Le chœur de la radio menacé par les économies", Text: "La direction de la radio publique a annoncé la suppression d'un tiers des postes du chœur. Les chanteurs ont lancé une pétition qui a déjà recueilli des milliers de signatures. Pour les musiciens, c'est la fin d'une institution qui chante depuis plus de quatre-vingts ans."},
			{ID: "pont1", Outlet: "D", Title: "Effondrement d'un pont à Gênes : au moins vingt morts", Text: "Un pont autoroutier s'est effondré mardi à Gênes pendant un violent orage, faisant au moins vingt morts selon les pompiers. Des dizaines de véhicules sont tombés dans le vide. Le viaduc Morandi, construit dans les années 1960, faisait l'objet de travaux de consolidation."},
			{ID: "pont2", Outlet: "E", Title: "Gênes : le viaduc Morandi s'effondre, les secours fouillent les décombres", Text: "Les pompiers de Gênes fouillent les décombres du viaduc Morandi, effondré mardi pendant un orage. Le bilan provisoire est d'au moins vingt morts et plusieurs blessés graves. Des véhicules sont tombés du pont autoroutier, qui était en travaux de consolidation."},
		}, []string{"pont1", "pont2"}, []string{"fac", "elephants", "choeur", "pont1"}},
		{"chinese", []*news.Article{
			{ID: "quake1", Outlet: "A", Title: "四川泸定发生六点八级地震", Text: "四川省泸定县周二发生了六点八级地震，造成至少四十六人死亡。地震的震中位于泸定县，成都市区的震感也很强烈。救援人员正在废墟中搜救被困的群众。"},
			{ID: "quake2", Outlet: "B", Title: "泸定地震已造成四十六人遇难", Text: "泸定县周二发生的强烈地震已经造成四十六人遇难。成都的震感明显，救援队伍连夜赶到震中，在废墟中搜救被困人员。"},
			{ID: "museum", Outlet: "C", Title: "上海博物馆开放青铜器新展厅", Text: "上海博物馆周六开放了新的展厅，展出三百件古代青铜器。馆方表示，这个展览将持续到明年的春天，观众需要在网上提前预约。"},
			{ID: "football", Outlet: "D", Title: "国家队二比一战胜对手晋级八强", Text: "国家队在亚洲杯的小组赛中以二比一战胜了对手，晋级八强。主教练在赛后表示，球员们的发挥非常出色。"},
		}, []string{"quake1", "quake2"}, []string{"museum", "football", "quake1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			storyOf := storiesOf(Analyze(context.Background(), tt.articles, DefaultOptions()))
			for _, id := range tt.together[1:] {
				if storyOf[id] == "" || storyOf[id] != storyOf[tt.together[0]] {
					t.Errorf("%s is in story %q, %s in %q: want one", id, storyOf[id], tt.together[0], storyOf[tt.together[0]])
				}
			}
			for i, id := range tt.apart {
				for _, other := range tt.apart[i+1:] {
					if storyOf[id] == storyOf[other] {
						t.Errorf("%s and %s, unrelated, are one story", id, other)
					}
				}
			}
		})
	}
}

// storiesOf maps each article of a report to its story.
func storiesOf(rep *news.Report) map[string]string {
	out := map[string]string{}
	for _, s := range rep.Stories {
		for _, id := range s.Articles {
			out[id] = s.ID
		}
	}
	return out
}

// TestBatchReadsInDateOrder: a batch's files come in any order, but its
// articles are added by date. A follow-up listed after three weeks of
// other news still joins its story, which the sweep would otherwise have
// closed.
func TestBatchReadsInDateOrder(t *testing.T) {
	day := time.Date(2024, 5, 6, 9, 0, 0, 0, time.UTC)
	pier := &news.Article{ID: "pier", Outlet: "Harbour News", Title: "Northern pier closed after divers find cracks",
		Text: "The harbour authority closed the northern pier on Monday after divers found cracks in its concrete piles. Ferries will dock at the southern terminal until repairs are done.", Published: news.Timestamp{Time: day}}
	follow := &news.Article{ID: "follow", Outlet: "Coast Daily", Title: "Repairs begin on cracked northern pier",
		Text: "Engineers began repairs on the cracked concrete piles of the northern pier, which the harbour authority closed after divers found the damage.", Published: news.Timestamp{Time: day.AddDate(0, 0, 1)}}
	articles := []*news.Article{pier}
	articles = append(articles, otherNews(day.AddDate(0, 0, 21))...)
	articles = append(articles, follow)

	storyOf := storiesOf(Analyze(context.Background(), articles, DefaultOptions()))
	if storyOf["follow"] != storyOf["pier"] {
		t.Errorf("the follow-up is in story %q, the pier report in %q: want one", storyOf["follow"], storyOf["pier"])
	}
}

// TestChronological: dated articles are added by date, ties in input
// order, and undated ones keep their places between them.
func TestChronological(t *testing.T) {
	day := time.Date(2024, 5, 6, 0, 0, 0, 0, time.UTC)
	at := func(days int) *Prepared {
		a := &news.Article{}
		if days >= 0 {
			a.Published = news.Timestamp{Time: day.AddDate(0, 0, days)}
		}
		return &Prepared{article: a}
	}
	tests := []struct {
		days []int // -1: undated
		want []int
	}{
		{nil, []int{}},
		{[]int{3, 1, 2}, []int{1, 2, 0}},
		{[]int{2, -1, 1, -1, 0}, []int{4, 1, 2, 3, 0}},
		{[]int{1, 1, 0, 1}, []int{2, 0, 1, 3}},
		{[]int{-1, -1}, []int{0, 1}},
	}
	for _, tt := range tests {
		items := make([]*Prepared, len(tt.days))
		for i, d := range tt.days {
			items[i] = at(d)
		}
		if got := chronological(items); !slices.Equal(got, tt.want) {
			t.Errorf("dates %v: order %v, want %v", tt.days, got, tt.want)
		}
	}
}

// TestLanguageShown: an article that does not say its language gets the
// one its text shows; what the input says is kept, and a text too short to
// show one is left without.
func TestLanguageShown(t *testing.T) {
	tests := []struct{ name, declared, text, want string }{
		{"french, undeclared", "", "Le ministère a indiqué mardi que les négociations reprendraient après les fêtes.", "fr"},
		{"english, undeclared", "", "The ministry said on Tuesday that the talks would resume after the holiday.", "en"},
		{"declared is kept", "de", "The ministry said on Tuesday that the talks would resume after the holiday.", "de"},
		{"too short to show", "", "Talks resume", ""},
	}
	for _, tt := range tests {
		p, err := Prepare(news.Article{ID: "a", Language: tt.declared, Text: tt.text})
		if err != nil {
			t.Fatal(err)
		}
		if got := p.Article().Language; got != tt.want {
			t.Errorf("%s: language %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestAnalysisMadeAgain: Analyze drops each article's text analysis once
// its features are taken and makes it again from the cleaned article when
// the story is compared; what it makes must be what Prepare had, whatever
// the text shows or the input says of its language.
func TestAnalysisMadeAgain(t *testing.T) {
	tests := []struct{ name, declared, text string }{
		{"english, undeclared", "", "The ministry said on Tuesday that the talks would resume after the holiday.\n\nUnion leaders, who walked out in May, welcomed the news."},
		{"french, undeclared", "", "Le ministère a indiqué mardi que les négociations reprendraient après les fêtes."},
		{"french, declared english", "en", "Le ministère a indiqué mardi que les négociations reprendraient après les fêtes."},
		{"too short to show, declared", "fr", "Grève à la SNCF"},
		{"too short to show, undeclared", "", "Talks resume"},
		{"chinese, undeclared", "", "四川省泸定县周二发生了六点八级地震，造成至少四十六人死亡。救援人员正在废墟中搜救被困的群众。"},
	}
	for _, tt := range tests {
		p, err := Prepare(news.Article{ID: "a", Language: tt.declared, Text: tt.text})
		if err != nil {
			t.Fatal(err)
		}
		again := (&Prepared{article: p.Article()}).analysis()
		if !reflect.DeepEqual(again, p.Doc()) {
			t.Errorf("%s: the analysis made again differs from Prepare's (language %v against %v)", tt.name, again.Language, p.Doc().Language)
		}
	}
}
