// Package news holds corroborate's domain types: articles as read, the stories
// they form and what the sources of a story say. It imports nothing internal,
// so every stage of the pipeline can share these values.
package news

// ReportVersion is the version of the JSON contract documented in docs/json.md.
const ReportVersion = 1

// Article is one piece of news from one outlet, as read and cleaned.
type Article struct {
	ID        string    `json:"id"`
	Source    string    `json:"source"` // path, URL or "stdin:N" it came from
	Outlet    string    `json:"outlet"`
	Title     string    `json:"title"`
	Author    string    `json:"author,omitempty"`
	Published Timestamp `json:"published"`
	URL       string    `json:"url"`
	Language  string    `json:"language,omitempty"`
	Text      string    `json:"text"`
	Words     int       `json:"words"`

	// VersionOf names the first version of the same article by the same
	// outlet; DuplicateOf names the original of a copy under another outlet.
	VersionOf   *string `json:"version_of"`
	DuplicateOf *string `json:"duplicate_of"`
	// Latest is set on the newest of a set of versions.
	Latest bool `json:"latest,omitempty"`
	// Changes says what a version added and removed against the one before it.
	Changes *Changes `json:"changes,omitempty"`

	// Story is a gold story label carried by evaluation sets; the pipeline
	// never reads it.
	Story string `json:"story,omitempty"`
}

// Changes lists the sentences a version gained and lost.
type Changes struct {
	Against string   `json:"against"`
	Added   []string `json:"added"`
	Removed []string `json:"removed"`
}

// Report is the result of analysing a batch: the JSON contract, version 1.
type Report struct {
	Version  int         `json:"version"`
	Articles []*Article  `json:"articles"`
	Stories  []*Story    `json:"stories"`
	Errors   []ItemError `json:"errors"`
}

// ItemError reports one input that could not be read, and why.
type ItemError struct {
	Source string `json:"source"`
	Error  string `json:"error"`
}
