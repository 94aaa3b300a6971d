package service

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/corroborate/corroborate/internal/news"
)

// bridged returns three articles written for these tests, undated: two
// on one harbour closure seen from two sides, far apart in their words,
// and a third that tells both sides. The first two start stories of their
// own; the third joins the first, whose story then holds the second's
// words too, and the engine merges the second's story into it.
func bridged() []*news.Article {
	return []*news.Article{
		{ID: "bridge-cracks", Source: "bridge-cracks", Outlet: "Harbor Courier", Title: "Harbor bridge closed",
			Text: "Inspectors found cracks in the harbor bridge piers, and the city closed the bridge."},
		{ID: "ferry-queues", Source: "ferry-queues", Outlet: "Bay Ledger", Title: "Ferries add sailings",
			Text: "Commuters queued at the ferry terminal as the port authority added sailings."},
		{ID: "bridge-ferries", Source: "bridge-ferries", Outlet: "Metro Post", Title: "Harbor bridge cracks send commuters to the ferries",
			Text: "Inspectors found cracks in two concrete piers of the harbor bridge, and engineers said the steel bearings under the eastern span had corroded: the city closed the bridge for repairs of at least three weeks.\n\n" +
				"Commuters queued for hours at the ferry terminal as the port authority added sailings across the bay; ferry operators ran every vessel in the fleet, and buses shuttled passengers to the rail station."},
	}
}

func TestZZExplore(t *testing.T) {
	s := openService(t, openDB(t, filepath.Join(t.TempDir(), "c.db")))
	for _, a := range bridged() {
		res, err := s.Ingest(context.Background(), []*news.Article{a})
		t.Log(res, err)
	}
	t.Log(s.stories())
}
