package eval

import (
	"fmt"
	"io/fs"
	"iter"
	"math"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/corroborate/corroborate/internal/news"
)

// streamSets are the real articles a benchmark stream is made from: every
// full-text set under the data folder, with the AllSides neutral roundups
// (the .target files) as one more article of their story.
var streamSets = [][2]string{
	{"multinews", "multinews-validation"},
	{"allsides", "neus-allsides-dev/train.source"},
	{"allsides", "neus-allsides-dev/train.target"},
	{"allsides", "neus-allsides-dev/val.source"},
	{"allsides", "neus-allsides-dev/val.target"},
	{"wikiref", "wikiref220"},
}

// A stream runs at streamRate articles a day; a story's articles come
// within storySpread of its first.
const (
	streamRate  = 5000
	storySpread = 48 * time.Hour
)

// baseStory is one real story: its articles' titles and sentences.
type baseStory struct {
	label    string
	articles []*news.Article
	titles   []string
	sents    []string
}

// StreamSource holds the real stories a benchmark stream is drawn from.
type StreamSource struct {
	stories  []baseStory
	Articles int // real articles read
}

// LoadStreamSource reads the real stories under data (about 12,000 articles
// in 3,000 stories). It fails with fs.ErrNotExist when none is there.
func LoadStreamSource(data string) (*StreamSource, error) {
	byLabel := map[string]int{}
	src := &StreamSource{}
	err := eachSet(data, streamSets, func(set [2]string, articles []*news.Article) {
		for _, a := range articles {
			// A story is named by its file without the extension, so that
			// a NeuS split's .source and .target share it and the two
			// splits do not.
			label := set[0] + "/" + strings.TrimSuffix(set[1], filepath.Ext(set[1])) + "/" + a.Story
			i, ok := byLabel[label]
			if !ok {
				i = len(src.stories)
				byLabel[label] = i
				src.stories = append(src.stories, baseStory{label: label})
			}
			s := &src.stories[i]
			s.articles = append(s.articles, a)
			if a.Title != "" {
				s.titles = append(s.titles, a.Title)
			}
			s.sents = append(s.sents, sentences(a.Text)...)
			src.Articles++
		}
	})
	if err != nil {
		return nil, err
	}
	if len(src.stories) == 0 {
		return nil, fmt.Errorf("no full-text public sets under %s: %w", data, fs.ErrNotExist)
	}
	return src, nil
}

// Stories is the number of real stories.
func (s *StreamSource) Stories() int { return len(s.stories) }

// slot is one article of the stream before its text is made.
type slot struct {
	at       time.Time
	story    int32 // base story
	instance int32
	member   int32
}

// Stream returns n articles in time order, as a news service might
// receive them over n/5,000 days, for speed benchmarks. Real stories recur
// as new instances (the same kind of event again, with a size drawn from a
// long-tailed distribution, 1 to 128 articles) at random times; an
// instance's articles come within two days. The first time a story occurs
// its real articles come as they are; every other article is made of real
// sentences: a title from one of the story's articles and a random half of
// the sentences of all of them, in order, each missing a random quarter of
// its words, under one of 500 outlets. So the texts keep the vocabulary
// and length of real news, and articles of an instance resemble each other
// as coverage of one event does without being copies of each other. Each article's Story names its instance.
// The same seed gives the same stream.
func (s *StreamSource) Stream(n int, seed uint64) iter.Seq[*news.Article] {
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	span := time.Duration(float64(n) / streamRate * float64(24*time.Hour))
	// In the past, so that a service fed the stream (bench serve) files
	// each article at its date, not at its arrival (pipeline.Clock).
	start := time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)
	slots := make([]slot, 0, n)
	order := rng.Perm(len(s.stories))
	for inst := int32(0); len(slots) < n; inst++ {
		story := int32(order[int(inst)%len(order)])
		size := int(math.Ceil(math.Exp2(rng.Float64() * 7)))
		begin := start.Add(time.Duration(rng.Int64N(int64(span) + 1)))
		for m := range min(size, n-len(slots)) {
			at := begin.Add(time.Duration(rng.Int64N(int64(storySpread))))
			slots = append(slots, slot{at: at, story: story, instance: inst, member: int32(m)})
		}
	}
	slices.SortStableFunc(slots, func(a, b slot) int { return a.at.Compare(b.at) })
	firstInstance := make([]int32, len(s.stories))
	for i := range firstInstance {
		firstInstance[i] = -1
	}
	for _, sl := range slots {
		if firstInstance[sl.story] < 0 || sl.instance < firstInstance[sl.story] {
			firstInstance[sl.story] = sl.instance
		}
	}
	return func(yield func(*news.Article) bool) {
		for i, sl := range slots {
			a := s.article(sl, sl.instance == firstInstance[sl.story], seed)
			a.ID = fmt.Sprintf("stream-%07d", i)
			if a.Source == "" {
				a.Source = a.ID
			}
			a.Published = news.Timestamp{Time: sl.at}
			a.Story = fmt.Sprintf("%s#%d", s.stories[sl.story].label, sl.instance)
			if !yield(a) {
				return
			}
		}
	}
}

// article makes one article of a stream slot: a real one the first time
// its story occurs, while real ones last, else one made of its sentences.
// A real article keeps its Source (the set's file and place in it); a made
// one has none.
func (s *StreamSource) article(sl slot, first bool, seed uint64) *news.Article {
	b := &s.stories[sl.story]
	if first && int(sl.member) < len(b.articles) {
		a := *b.articles[sl.member]
		a.Outlet = fmt.Sprintf("Outlet %d", sl.member)
		return &a
	}
	rng := rand.New(rand.NewPCG(seed^uint64(sl.instance)<<20^uint64(sl.member), uint64(sl.story)))
	outlet := rng.IntN(500)
	a := &news.Article{Outlet: fmt.Sprintf("Outlet %d", outlet),
		URL: fmt.Sprintf("https://outlet%d.example/%d/%d", outlet, sl.instance, sl.member)}
	if len(b.titles) > 0 {
		a.Title = b.titles[rng.IntN(len(b.titles))]
	}
	var kept []string
	for _, sentence := range b.sents {
		if rng.IntN(2) == 0 {
			kept = append(kept, reword(sentence, rng))
		}
	}
	if len(kept) < 2 && len(b.sents) > 0 {
		kept = append(kept, reword(b.sents[rng.IntN(len(b.sents))], rng))
	}
	a.Text = strings.Join(kept, " ")
	return a
}

// reword drops a random quarter of a sentence's words. Two articles drawn
// from the same story then share their words, as coverage of one event
// does, but few runs of four words, as two outlets' own writing does:
// without it, articles drawn from a story of a dozen sentences would often
// be near-copies of each other.
func reword(sentence string, rng *rand.Rand) string {
	words := strings.Fields(sentence)
	if len(words) < 6 {
		return sentence
	}
	kept := words[:0:0]
	for _, w := range words {
		if rng.IntN(4) != 0 {
			kept = append(kept, w)
		}
	}
	return strings.Join(kept, " ")
}
