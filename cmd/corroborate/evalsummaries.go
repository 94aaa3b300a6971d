package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/corroborate/corroborate/internal/eval"
	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/pipeline"
	"github.com/corroborate/corroborate/internal/text"
)

// summaryBudgets are the word budgets each set is scored at by default:
// Multi-News at the 250 words its issue names (its human summaries average
// about 230), NeuS at the length of its neutral roundups (about 60).
var summaryBudgets = map[string]int{"multinews": 250, "allsides": 60}

// rougeAnchor is a published score to print beside ours.
type rougeAnchor struct {
	name              string
	r1, r2, rl, rlsum float64 // 0 when not published
}

// summaryAnchors are published ROUGE F1 scores, on the full Multi-News test
// set (Fabbri et al. 2019; Xiao et al. 2022), not on our sample.
var summaryAnchors = map[string][]rougeAnchor{
	"multinews": {{"LexRank (published)", 38.3, 12.7, 0, 0}, {"PRIMERA (published)", 49.9, 21.1, 25.9, 0}},
}

// summaryScores is what eval summaries prints, also as JSON.
type summaryScores struct {
	Dataset     string       `json:"dataset"`
	Stories     int          `json:"stories"`
	Words       int          `json:"words"`
	Summary     eval.ROUGE   `json:"summary"`
	Lead        eval.ROUGE   `json:"lead"`
	Headline    *eval.ROUGE  `json:"headline,omitempty"`
	Sentences   int          `json:"sentences"`
	Unsupported []unfaithful `json:"unsupported"`
	MeanWords   float64      `json:"mean_words"`
	P50Millis   float64      `json:"p50_ms"`
	P90Millis   float64      `json:"p90_ms"`
}

type unfaithful struct {
	Story    string `json:"story"`
	Sentence string `json:"sentence"`
}

func runEvalSummaries(ctx context.Context, args []string, env *environment) int {
	fs := flag.NewFlagSet("eval summaries", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	dataset := fs.String("dataset", "multinews", "the set: multinews or allsides")
	var words int
	intAtLeastVar(fs, &words, "words", 0, 0, "summary budget in `words` (0: 250 for multinews, 60 for allsides)")
	asJSON := fs.Bool("json", false, "print the scores as JSON")
	opts := pipeline.DefaultOptions()
	intAtLeastVar(fs, &opts.Workers, "workers", 0, 0, "worker `goroutines` (0: one per CPU)")
	fs.Usage = func() {
		fmt.Fprintln(env.stderr, "Usage: corroborate eval summaries [flags] PATH\n\nSummarises each story of a public set alone and scores the summaries\nagainst the human ones: ROUGE-1/2/L F1, beside a lead baseline and\npublished figures; checks every sentence appears in an article it cites.\n\nFlags:")
		fs.PrintDefaults()
	}
	if !parseOne(fs, args) {
		return 2
	}
	*dataset = strings.ToLower(*dataset)
	cases, err := eval.LoadSummaries(*dataset, fs.Arg(0))
	if err != nil {
		fmt.Fprintln(env.stderr, "corroborate eval:", err)
		return 1
	}
	opts.SummaryWords = words
	if opts.SummaryWords <= 0 {
		opts.SummaryWords = summaryBudgets[*dataset]
	}
	scores := scoreSummaries(ctx, cases, opts)
	scores.Dataset = *dataset
	if *asJSON {
		enc := json.NewEncoder(env.stdout)
		enc.SetIndent("", "  ")
		return exitOn(enc.Encode(scores), env)
	}
	printSummaryScores(env.stdout, scores)
	return 0
}

// scoreSummaries summarises every case alone and averages the scores over
// stories.
func scoreSummaries(ctx context.Context, cases []eval.SummaryCase, opts pipeline.Options) summaryScores {
	s := summaryScores{Stories: len(cases), Words: opts.SummaryWords, Unsupported: []unfaithful{}}
	var titles int
	var headline eval.ROUGE
	var times []time.Duration
	var words int
	for _, c := range cases {
		start := time.Now()
		rep := pipeline.Story(ctx, c.Articles, opts)
		times = append(times, time.Since(start))
		var sentences []string
		var story *news.Story
		if len(rep.Stories) > 0 {
			story = rep.Stories[0]
			for _, sent := range story.Summary {
				sentences = append(sentences, sent.Text)
				words += text.Words(sent.Text)
			}
			byID := make(map[string]*news.Article, len(rep.Articles))
			for _, a := range rep.Articles {
				byID[a.ID] = a
			}
			s.Sentences += len(story.Summary)
			for _, bad := range eval.Unsupported(story.Summary, byID) {
				s.Unsupported = append(s.Unsupported, unfaithful{c.Story, bad.Text})
			}
		}
		add(&s.Summary, eval.Rouge(sentences, c.Reference))
		add(&s.Lead, eval.Rouge(eval.Lead(rep.Articles, opts.SummaryWords), c.Reference))
		if c.ReferenceTitle != "" && story != nil {
			titles++
			add(&headline, eval.Rouge([]string{story.Headline}, c.ReferenceTitle))
		}
	}
	scale(&s.Summary, len(cases))
	scale(&s.Lead, len(cases))
	if titles > 0 {
		scale(&headline, titles)
		s.Headline = &headline
	}
	s.MeanWords = float64(words) / float64(max(len(cases), 1))
	slices.Sort(times)
	if len(times) > 0 {
		s.P50Millis = float64(times[len(times)/2].Microseconds()) / 1000
		s.P90Millis = float64(times[len(times)*9/10].Microseconds()) / 1000
	}
	return s
}

func add(sum *eval.ROUGE, r eval.ROUGE) {
	sum.R1 += r.R1
	sum.R2 += r.R2
	sum.RL += r.RL
	sum.RLsum += r.RLsum
}

// scale turns a sum over n stories into a mean, in percent.
func scale(sum *eval.ROUGE, n int) {
	if n == 0 {
		return
	}
	k := 100 / float64(n)
	sum.R1, sum.R2, sum.RL, sum.RLsum = sum.R1*k, sum.R2*k, sum.RL*k, sum.RLsum*k
}

func printSummaryScores(w io.Writer, s summaryScores) {
	fmt.Fprintf(w, "%s: %d stories, budget %d words (summaries average %.0f)\n", s.Dataset, s.Stories, s.Words, s.MeanWords)
	fmt.Fprintf(w, "%-22s %8s %8s %8s %8s\n", "ROUGE F1", "R-1", "R-2", "R-L", "R-Lsum")
	row := func(name string, r ...float64) {
		cell := func(v float64) string {
			if v == 0 {
				return "–"
			}
			return fmt.Sprintf("%.1f", v)
		}
		fmt.Fprintf(w, "%-22s", name)
		for _, v := range r {
			fmt.Fprintf(w, " %8s", cell(v))
		}
		fmt.Fprintln(w)
	}
	rouge := func(name string, r eval.ROUGE) { row(name, r.R1, r.R2, r.RL, r.RLsum) }
	rouge("corroborate", s.Summary)
	rouge("lead baseline", s.Lead)
	for _, a := range summaryAnchors[s.Dataset] {
		row(a.name, a.r1, a.r2, a.rl, a.rlsum)
	}
	if s.Headline != nil {
		rouge("headline vs title", *s.Headline)
	}
	fmt.Fprintln(w, "Mean of per-story F1 × 100; lower-cased a–z0–9 tokens, Snowball stems, stop words kept;\nR-L over the whole text, R-Lsum per reference sentence. Published rows are on the full test set.")
	fmt.Fprintf(w, "faithful: %d of %d summary sentences appear word for word in an article they cite\n", s.Sentences-len(s.Unsupported), s.Sentences)
	for _, u := range s.Unsupported {
		fmt.Fprintf(w, "  story %s: %q\n", u.Story, u.Sentence)
	}
	fmt.Fprintf(w, "per story (clean to summary): p50 %.1f ms, p90 %.1f ms\n", s.P50Millis, s.P90Millis)
}
