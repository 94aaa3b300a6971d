package fetch

import "sync"

// validator is what a conditional GET needs to revalidate a resource, and
// the resource to return when the server says it has not changed.
type validator struct {
	etag, lastModified string
	url, contentType   string
	body               []byte
}

// validators keeps the most recent responses that carried an ETag or
// Last-Modified, up to a count; when full it forgets the oldest.
type validators struct {
	mu    sync.Mutex
	max   int
	order []string
	byURL map[string]validator
}

func newValidators(max int) *validators {
	return &validators{max: max, byURL: map[string]validator{}}
}

func (v *validators) get(url string) (validator, bool) {
	v.mu.Lock()
	defer v.mu.Unlock()
	e, ok := v.byURL[url]
	return e, ok
}

func (v *validators) put(url string, e validator) {
	if e.etag == "" && e.lastModified == "" {
		return
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	if _, ok := v.byURL[url]; !ok {
		v.order = append(v.order, url)
	}
	v.byURL[url] = e
	for len(v.order) > v.max {
		delete(v.byURL, v.order[0])
		v.order = v.order[1:]
	}
}
