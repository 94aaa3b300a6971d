package dedupe

import (
	"net/url"
	"slices"
	"strings"
)

// URLKey reduces a URL to what names the page, so that the same page
// fetched twice, with tracking parameters or without "www.", is
// recognised: the host lower-cased without "www.", the path without a
// trailing slash, and the query without tracking parameters, sorted. The
// rest of the query stays, since it often names the page ("?id=123",
// "?p=42"). The fragment never does. It is "" for a URL without a host.
func URLKey(raw string) string {
	if raw == "" {
		return ""
	}
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return ""
	}
	key := strings.TrimPrefix(strings.ToLower(u.Host), "www.") + strings.TrimSuffix(u.EscapedPath(), "/")
	if q := pageQuery(u.RawQuery); q != "" {
		key += "?" + q
	}
	return key
}

// pageQuery is a query without its tracking parameters, its pairs sorted
// by name. Pairs are taken as written, split at "&" and the older ";", so
// a query net/url refuses ("id=%zz") loses its tracking tags all the same.
func pageQuery(raw string) string {
	pairs := strings.FieldsFunc(raw, func(r rune) bool { return r == '&' || r == ';' })
	kept := pairs[:0]
	for _, pair := range pairs {
		name, _, _ := strings.Cut(pair, "=")
		if unescaped, err := url.QueryUnescape(name); err == nil {
			name = unescaped
		}
		if name != "" && !tracking(name) {
			kept = append(kept, pair)
		}
	}
	// Stable, so repeated names keep their order, which can matter to the page.
	slices.SortStableFunc(kept, func(a, b string) int {
		an, _, _ := strings.Cut(a, "=")
		bn, _, _ := strings.Cut(b, "=")
		return strings.Compare(an, bn)
	})
	return strings.Join(kept, "&")
}

// trackingParams are the query parameters that analytics and ad platforms
// add to links shared on them and in newsletters; they never name a page.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "gbraid": true, "wbraid": true, "msclkid": true,
	"yclid": true, "twclid": true, "ttclid": true, "li_fat_id": true, "igshid": true,
	"mc_cid": true, "mc_eid": true, "_ga": true, "_gl": true, "_hsenc": true, "_hsmi": true,
	"mkt_tok": true, "oly_anon_id": true, "oly_enc_id": true, "vero_id": true, "s_cid": true,
	"ocid": true, "cmpid": true, "smid": true, "ref_src": true, "ref_url": true,
}

// tracking reports whether a query parameter only tracks the click:
// utm_* (Google Analytics' campaign tags, used everywhere), stm_* and the
// click identifiers of trackingParams.
func tracking(key string) bool {
	k := strings.ToLower(key)
	return strings.HasPrefix(k, "utm_") || strings.HasPrefix(k, "stm_") || trackingParams[k]
}
