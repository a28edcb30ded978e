package web

import "testing"

func TestAcceptsGzip(t *testing.T) {
	for header, want := range map[string]bool{
		"":                     false,
		"gzip":                 true,
		"gzip, deflate, br":    true,
		"br;q=1.0, gzip;q=0.8": true,
		"GZIP":                 true,
		"x-gzip":               true,
		"gzip;q=0":             false,
		"gzip; q=0.0, br":      false,
		"deflate, br":          false,
		"*":                    true,
		"*;q=0":                false,
		"*, gzip;q=0":          false,
		"identity":             false,
	} {
		if got := acceptsGzip(header); got != want {
			t.Errorf("Accept-Encoding %q: gzip taken %v, want %v", header, got, want)
		}
	}
}
