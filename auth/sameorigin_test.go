package auth

import (
	"crypto/tls"
	"net/http/httptest"
	"testing"
)

// TestSameOriginIsMoreThanTheHost: a state-changing request whose Origin
// names this host is still refused when the browser says it came from
// another site (a sibling host, or this host's plain-http pages, which
// whoever answers plain http can write), or when it arrives over TLS
// from an http origin; a same-origin one, and one from a client that
// sends no Sec-Fetch-Site, pass as before.
func TestSameOriginIsMoreThanTheHost(t *testing.T) {
	cases := []struct {
		name   string
		origin string
		site   string
		tls    bool
		want   bool
	}{
		{"same origin, plain http", "http://hall.example", "same-origin", false, true},
		{"same origin, https", "https://hall.example", "same-origin", true, true},
		{"no Sec-Fetch-Site (an API client)", "https://hall.example", "", true, true},
		{"a sibling host's page", "https://hall.example", "same-site", true, false},
		{"another site", "https://hall.example", "cross-site", false, false},
		{"this host's plain-http page, to https", "http://hall.example", "", true, false},
		{"another host", "https://evil.example", "", true, false},
		{"no Origin, sibling", "", "same-site", false, false},
	}
	for _, c := range cases {
		r := httptest.NewRequest("POST", "http://hall.example/api/assemblies/a/commands", nil)
		r.Header.Set("Content-Type", "application/json")
		if c.origin != "" {
			r.Header.Set("Origin", c.origin)
		}
		if c.site != "" {
			r.Header.Set("Sec-Fetch-Site", c.site)
		}
		if c.tls {
			r.TLS = &tls.ConnectionState{}
		}
		if got := SameOrigin(r); got != c.want {
			t.Errorf("%s: SameOrigin %v, want %v", c.name, got, c.want)
		}
	}
}
