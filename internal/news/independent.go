package news

import "strings"

// Voices maps each article ID to the key under which it counts as one
// independent voice. Versions and syndicated copies take the key of the
// article they derive from, so they never confirm it; an article whose outlet
// is unknown counts as a voice of its own.
func Voices(articles []*Article) map[string]string {
	byID := make(map[string]*Article, len(articles))
	for _, a := range articles {
		byID[a.ID] = a
	}
	voices := make(map[string]string, len(articles))
	for _, a := range articles {
		root := a
		// A chain is at most a few links long; the bound guards against cycles
		// in hand-made input.
		for range 8 {
			next := ""
			if root.DuplicateOf != nil {
				next = *root.DuplicateOf
			} else if root.VersionOf != nil {
				next = *root.VersionOf
			}
			parent, ok := byID[next]
			if !ok {
				break
			}
			root = parent
		}
		if root.Outlet != "" {
			voices[a.ID] = outletVoice + root.Outlet
		} else {
			voices[a.ID] = articleVoice + root.ID
		}
	}
	return voices
}

// CountVoices returns how many independent voices the given article IDs hold.
func CountVoices(voices map[string]string, ids []string) int {
	seen := make(map[string]bool, len(ids))
	for _, id := range ids {
		seen[voices[id]] = true
	}
	return len(seen)
}

// The prefixes of the voice keys Voices makes.
const (
	outletVoice  = "outlet:"
	articleVoice = "article:"
)

// VoiceName says who a key of Voices names, for a reader: the outlet of
// the article the others derive from ("Northwind" for a copy Harbor Daily
// ran), or "article ID" when its outlet is unknown; "" for another key.
func VoiceName(voice string) string {
	if outlet, ok := strings.CutPrefix(voice, outletVoice); ok {
		return outlet
	}
	if id, ok := strings.CutPrefix(voice, articleVoice); ok {
		return "article " + id
	}
	return ""
}
