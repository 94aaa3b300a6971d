package poll

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"

	"github.com/corroborate/corroborate/internal/dedupe"
	"github.com/corroborate/corroborate/internal/feed"
	"github.com/corroborate/corroborate/internal/news"
)

// sift decides which of a feed's items a poll reads, by the links stored
// and the stamps (feed.Item.Stamp) the feed's items had when last read. It
// returns which to skip, and the stamps to remember, by URL key, once what
// is read has been stored:
//
//   - a link neither stored nor remembered is read, as ever;
//   - a link remembered though no article is stored at it (its page was
//     stored under the address it redirected to, or its canonical one, or
//     refused) is skipped while its stamp is the one remembered;
//   - a stored link whose item has the stamp remembered is skipped;
//   - a stored link with no stamp remembered (stored before stamps were
//     kept, or by ingest or the API) is skipped, its stamp remembered from
//     now on: whether the page changed before cannot be told;
//   - a stored link whose item's stamp moved is read again: the service
//     stores the page's new text as a version, or answers a duplicate.
//
// A feed that gives all its items one updated time to the second gives the
// time it was made, which moves at every fetch: its stamps leave it out.
//
// On a store error every item is read: the service answers the pages it
// holds as duplicates.
func (p *Poller) sift(ctx context.Context, feedURL string, items []feed.Item) (skip []bool, remember map[string]string) {
	keys := make([]string, len(items))
	for i, it := range items {
		keys[i] = dedupe.URLKey(it.Link)
	}
	stored, err := p.db.ItemStamps(ctx, feedURL, keys)
	if err != nil {
		p.opts.Log.Warn("feed items: look up", "feed", feedURL, "error", err)
	}
	stamps := linkStamps(items, keys)
	skip = make([]bool, len(items))
	remember = make(map[string]string)
	for i, key := range keys {
		if key == "" {
			continue // no link to know it by: read it, as ever
		}
		stamp := stamps[key]
		last, ok := stored[key]
		switch {
		case !ok:
		case last == stamp:
			skip[i] = true
			continue
		case last == "":
			skip[i] = true
		}
		remember[key] = stamp
	}
	return skip, remember
}

// linkStamps are the stamps of a feed's items by the URL keys of their
// links. Items that link to one page (a live blog's posts, "#post-1",
// "#post-2") share a stamp that moves when any of theirs does: remembered
// one by one, each would overwrite the other's, and every poll would read
// the page again.
func linkStamps(items []feed.Item, keys []string) map[string]string {
	served := servedTime(items)
	each := make(map[string][]string)
	for i, it := range items {
		if keys[i] == "" {
			continue
		}
		if served {
			it.Updated = news.Timestamp{}
		}
		each[keys[i]] = append(each[keys[i]], it.Stamp())
	}
	stamps := make(map[string]string, len(each))
	for key, all := range each {
		if len(all) == 1 {
			stamps[key] = all[0]
			continue
		}
		slices.Sort(all) // the feed may list them in another order
		sum := sha256.Sum256([]byte(strings.Join(all, " ")))
		stamps[key] = hex.EncodeToString(sum[:16])
	}
	return stamps
}

// servedTime reports whether every one of a feed's items (two or more)
// has the same updated time with a clock: the time the feed was made, not
// when each item changed.
func servedTime(items []feed.Item) bool {
	if len(items) < 2 || !items[0].Updated.Clock {
		return false
	}
	for _, it := range items[1:] {
		if !it.Updated.Equal(items[0].Updated.Time) || !it.Updated.Clock {
			return false
		}
	}
	return true
}
