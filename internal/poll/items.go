package poll

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"
	"time"

	"github.com/corroborate/corroborate/internal/dedupe"
	"github.com/corroborate/corroborate/internal/feed"
	"github.com/corroborate/corroborate/internal/ingest"
	"github.com/corroborate/corroborate/internal/news"
	"github.com/corroborate/corroborate/internal/store"
)

// sift decides which of a feed's items a poll reads, by the links stored
// and what is remembered of the feed's items when last read (their
// stamps, feed.Item.Stamp, and revisits). It returns which to skip, and
// the states to remember, by URL key, once what is read has been stored:
//
//   - a link neither stored nor remembered is read, as ever;
//   - a link remembered though no article is stored at it (its page was
//     stored under the address it redirected to, or its canonical one, or
//     refused) is skipped while its stamp is the one remembered;
//   - a stored link whose item has the stamp remembered is skipped, unless
//     a revisit is due (Options.Revisits);
//   - a stored link with nothing remembered (stored before stamps were
//     kept, or by ingest or the API) is skipped, its stamp remembered from
//     now on: whether the page changed before cannot be told, and when it
//     was first read is not known, so it is not revisited;
//   - a stored link whose item's stamp moved is read again: the service
//     stores the page's new text as a version, or answers a duplicate.
//
// A feed that gives all its items one updated time to the second gives the
// time it was made, which moves at every fetch: its stamps leave it out.
//
// On a store error every item is read: the service answers the pages it
// holds as duplicates. Nothing is remembered of them then, since what was
// remembered before (when each page was first read, how often since) is
// not known and would be overwritten: every page of the feed would be
// revisited anew.
func (p *Poller) sift(ctx context.Context, feedURL string, items []feed.Item, due map[string]store.ItemState) (skip []bool, remember map[string]store.ItemState) {
	keys := make([]string, len(items))
	for i, it := range items {
		keys[i] = dedupe.URLKey(it.Link)
	}
	skip = make([]bool, len(items))
	stored, err := p.db.ItemStates(ctx, feedURL, keys)
	if err != nil {
		p.opts.Log.Warn("feed items: look up", "feed", feedURL, "error", err)
		return skip, nil
	}
	now := p.now()
	stamps := linkStamps(items, keys)
	remember = make(map[string]store.ItemState)
	for i, key := range keys {
		if key == "" {
			continue // no link to know it by: read it, as ever
		}
		stamp := stamps[key]
		last, ok := stored[key]
		switch {
		case !ok:
			last = store.ItemState{}
			if ingest.ReadsPage(items[i]) {
				last.Read = now // a feed carrying the text shows its edits
			}
		case last.Stamp == stamp:
			revisits := p.revisitsDue(last, now)
			switch {
			case revisits == last.Revisits:
				skip[i] = true
				continue
			case ingest.ReadsPage(items[i]):
				last.Revisits = revisits
			default: // the feed carries the text now
				skip[i] = true
				last.Revisits = len(p.opts.Revisits)
			}
		case last.Stamp == "":
			skip[i] = true
		}
		last.Stamp = stamp
		remember[key] = last
	}
	// A page due to be read again that its feed no longer lists is not:
	// the feed read in full for it would be read so at every poll.
	for key, item := range due {
		if !slices.Contains(keys, key) {
			item.Revisits = len(p.opts.Revisits)
			remember[key] = item
		}
	}
	return skip, remember
}

// dueRevisits returns the items of a feed due to be read again by now.
func (p *Poller) dueRevisits(ctx context.Context, feedURL string) map[string]store.ItemState {
	if len(p.opts.Revisits) == 0 {
		return nil
	}
	pending, err := p.db.PendingItems(ctx, feedURL, len(p.opts.Revisits))
	if err != nil {
		p.opts.Log.Warn("feed items: look up revisits", "feed", feedURL, "error", err)
		return nil
	}
	now := p.now()
	for key, item := range pending {
		if p.revisitsDue(item, now) == item.Revisits {
			delete(pending, key)
		}
	}
	return pending
}

// revisitsDue is how many of the revisits of an item are due by now: the
// revisits it has had, and those whose time has come since. Several that
// came while no poller ran are one reading.
func (p *Poller) revisitsDue(item store.ItemState, now time.Time) int {
	n := item.Revisits
	if item.Read.IsZero() {
		return n
	}
	for n < len(p.opts.Revisits) && !now.Before(item.Read.Add(p.opts.Revisits[n])) {
		n++
	}
	return n
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
