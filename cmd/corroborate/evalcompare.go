package main

import (
	"context"
	"flag"
	"fmt"
	"math"
	"path/filepath"
	"sort"

	"github.com/corroborate/corroborate/internal/eval"
	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/pipeline"
)

// datasetFolders says where under the data folder each labelled dataset is.
var datasetFolders = map[string]string{"allsides": "neus-allsides-dev", "allsides-train": "neus-allsides-dev", "multinews": "multinews-validation"}

func runEvalCompare(ctx context.Context, args []string, env *environment) int {
	fs := flag.NewFlagSet("eval compare", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	labels := fs.String("labels", eval.DefaultLabels("compare-labels.jsonl"), "hand-labelled stories, JSON Lines")
	conflicts := fs.String("conflicts", eval.DefaultLabels("compare-conflicts.jsonl"), "confirmed conflicts of the datasets swept for conflict precision")
	data := fs.String("data", envOr(env, "CORROBORATE_DATA", filepath.Join("..", "shared", "data")), "folder of the public data sets the labels refer to")
	misses := fs.Bool("misses", false, "list every miss, for a reader tuning the rules")
	fs.Usage = func() {
		fmt.Fprintln(env.stderr, "Usage: corroborate eval compare [flags]\n\nCompares each labelled story's quotes, figures and exclusive claims with\nwhat corroborate finds, and sweeps every story of the datasets the\nconfirmed conflicts come from to measure conflict precision.\n\nFlags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	stories, err := eval.LoadStoryLabels(*labels)
	if err != nil {
		fmt.Fprintln(env.stderr, "corroborate eval compare:", err)
		return 1
	}
	real, err := eval.LoadConflicts(*conflicts)
	if err != nil {
		fmt.Fprintln(env.stderr, "corroborate eval compare:", err)
		return 1
	}
	source := newStorySource(*data)
	var scores eval.CompareScores
	for _, l := range stories {
		story, err := source.analyze(ctx, l.Dataset, l.Story)
		if err != nil {
			fmt.Fprintln(env.stderr, "corroborate eval compare:", err)
			return 1
		}
		scores.ScoreStory(l, story)
	}
	swept := map[string]bool{}
	for _, c := range real {
		swept[c.Dataset] = true
	}
	for _, dataset := range sortedKeys(swept) {
		ids, err := source.stories(dataset)
		if err != nil {
			fmt.Fprintln(env.stderr, "corroborate eval compare:", err)
			return 1
		}
		for _, id := range ids {
			story, err := source.analyze(ctx, dataset, id)
			if err != nil {
				fmt.Fprintln(env.stderr, "corroborate eval compare:", err)
				return 1
			}
			scores.ScoreConflicts(dataset, id, real, story)
		}
	}
	printCompareScores(env, scores)
	if *misses {
		fmt.Fprintln(env.stdout)
		for _, m := range scores.Misses {
			fmt.Fprintln(env.stdout, m)
		}
	}
	return 0
}

func printCompareScores(env *environment, s eval.CompareScores) {
	pct := func(v float64) string {
		if math.IsNaN(v) {
			return "  n/a"
		}
		return fmt.Sprintf("%5.3f", v)
	}
	w := env.stdout
	fmt.Fprintf(w, "%d labelled stories\n\n", s.Stories)
	fmt.Fprintf(w, "%-18s %9s %9s   %s\n", "", "precision", "recall", "counts")
	row := func(name string, c eval.Count) {
		fmt.Fprintf(w, "%-18s %9s %9s   %d/%d right, %d/%d found\n", name, pct(c.Precision()), pct(c.Recall()), c.Correct, c.Output, c.Found, c.Labelled)
	}
	row("quotes", s.Quotes)
	fmt.Fprintf(w, "%-18s %9s %9s   %d/%d found quotes\n", "quote speakers", pct(s.Speakers.Precision()), "", s.Speakers.Correct, s.Speakers.Output)
	row("figures", s.Figures)
	row("conflicts (sweep)", s.Conflicts)
	row("exclusive claims", s.Exclusive)
}

// storySource loads datasets once and analyses their stories as labelled.
type storySource struct {
	folder  string
	byStory map[string]map[string][]*news.Article // dataset → story → articles
	order   map[string][]string
}

func newStorySource(folder string) *storySource {
	return &storySource{folder: folder, byStory: map[string]map[string][]*news.Article{}, order: map[string][]string{}}
}

func (s *storySource) load(dataset string) error {
	if _, ok := s.byStory[dataset]; ok {
		return nil
	}
	folder, ok := datasetFolders[dataset]
	if !ok {
		return fmt.Errorf("no folder known for dataset %q", dataset)
	}
	articles, err := eval.Load(dataset, filepath.Join(s.folder, folder))
	if err != nil {
		return err
	}
	stories := map[string][]*news.Article{}
	for _, a := range articles {
		if _, ok := stories[a.Story]; !ok {
			s.order[dataset] = append(s.order[dataset], a.Story)
		}
		stories[a.Story] = append(stories[a.Story], a)
	}
	s.byStory[dataset] = stories
	return nil
}

// stories lists a dataset's story labels in file order.
func (s *storySource) stories(dataset string) ([]string, error) {
	if err := s.load(dataset); err != nil {
		return nil, err
	}
	return s.order[dataset], nil
}

// analyze compares the sources of one labelled story.
func (s *storySource) analyze(ctx context.Context, dataset, story string) (*news.Story, error) {
	if err := s.load(dataset); err != nil {
		return nil, err
	}
	articles := s.byStory[dataset][story]
	if len(articles) == 0 {
		return nil, fmt.Errorf("no articles for %s story %s", dataset, story)
	}
	// The pipeline renames and annotates articles: give it copies.
	copies := make([]*news.Article, len(articles))
	for i, a := range articles {
		c := *a
		copies[i] = &c
	}
	rep := pipeline.Story(ctx, copies, pipeline.DefaultOptions())
	if len(rep.Stories) == 0 {
		return &news.Story{}, nil
	}
	return rep.Stories[0], nil
}

func sortedKeys(set map[string]bool) []string {
	keys := make([]string, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
