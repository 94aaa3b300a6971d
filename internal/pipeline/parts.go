package pipeline

import (
	"context"
	"fmt"

	"github.com/corroborate/corroborate/internal/dedupe"
	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/text"
)

// The stages, a few at a time, for a service that keeps its own dedupe and
// clustering state and stores articles between stages.

// PrepareAll cleans and analyses articles in parallel, in input order;
// articles that cannot be analysed come back as errors naming them.
func PrepareAll(ctx context.Context, articles []*news.Article, opts Options) ([]*Prepared, []news.ItemError) {
	return prepare(ctx, articles, opts, true)
}

// FeaturesVersion names what Prepare makes of a clean text for dedupe and
// clustering (Terms, TitleTerms and Sketch). A store keeps them with each article, so
// that replaying its log never re-reads texts; a change to the text
// analysis, the features or the sketch that gives a stored text other
// ones must bump it, and a service then re-prepares the articles stored
// before (service.Open). TestFeaturesVersion fails until it is bumped.
const FeaturesVersion = 3

// AnalysisVersion names what Compare makes of a story's articles. A store
// keeps each story's analysis; a change to the comparison, the summary or
// the headline that gives a stored story another analysis must bump it,
// and a service's analysis worker then analyses again the stories an
// older version analysed. TestAnalysisVersion fails until it is bumped.
// Version 5 reads a range written out ("30-35 people") as one figure; 6
// keeps an article's quote fragments out of its quotes' wordings; 7 keeps
// a figure of an earlier year from conflicting with an undated one; 8
// tells people from organisations by how the story writes a lone name; 9
// takes a quote's speaker only from a name in its attribution clause.
// 10 reads a range that counts a noun beside a tally word ("the ruling ...
// 70,000 to 126,000 women") and "fell 2m over the year" as a million,
// and cites no outlet in "told the White House press corps"; 11 finds
// speakers after an opening adverb, a surname in -ing and "will say".
const AnalysisVersion = 11

// Reprepare prepares an article as a store keeps it, cleaned before:
// what Prepare gives today for the article it was made from.
func Reprepare(a news.Article) (*Prepared, error) { return analyse(a) }

// Doc is the article's text analysis.
func (p *Prepared) Doc() *text.Doc { return p.doc }

// Terms are the weighted terms clustering reads.
func (p *Prepared) Terms() map[uint64]float64 { return p.terms }

// TitleTerms are the terms of the title alone (cluster.TitleTerms).
func (p *Prepared) TitleTerms() []uint64 { return p.title }

// Sketch is the MinHash signature dedupe reads, and how many shingles it
// was made of.
func (p *Prepared) Sketch() (dedupe.Signature, int) { return p.sketch, p.shingles }

// Compare analyses one story of articles that were cleaned before (as a
// store keeps them): their sources compared, a summary and a headline. A
// bug tripped by the story becomes an error naming it.
func Compare(id string, articles []*news.Article, opts Options) (story *news.Story, err error) {
	defer recoverInto(&err)
	st := storyOf{id: id}
	for _, a := range articles {
		st.items = append(st.items, &Prepared{article: a, doc: text.AnalyzeIn(a.Text, a.Language)})
	}
	story = compareStory(st, opts)
	if story == nil {
		return nil, fmt.Errorf("story %s: nothing to compare", id)
	}
	return story, nil
}
