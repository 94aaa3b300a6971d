package feed

import (
	"crypto/sha256"
	"encoding/hex"
)

// Stamp sums up what a feed says of an item that changes when the outlet
// updates the article: the time the feed says it was updated, its title,
// and its text (content and summary, markup and spacing aside, so that a
// feed rewriting its HTML or a tracking pixel's address is no update). A
// poller that finds an item it read before under another stamp reads it
// again. The published date is left out: RSS's pubDate rarely moves with
// an update, and a feed that stamps every item with the time it was
// served would make every item look new.
func (it Item) Stamp() string {
	h := sha256.New()
	for _, part := range []string{it.Updated.String(), it.Title, collapse(plainText(it.Content)), collapse(plainText(it.Summary))} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}
