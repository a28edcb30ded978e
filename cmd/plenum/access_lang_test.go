package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestAccessInTheOfficersLanguage: plenum serve's refusals of its options
// about access are in the environment's language (serve has no --lang);
// no English word of them is left, and the English is as it was.
func TestAccessInTheOfficersLanguage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	cases := []struct {
		args    []string
		english string
	}{
		{[]string{"--tls-cert", "a.pem"}, "--tls-cert and --tls-key go together: give both, or neither to serve plain HTTP (behind a TLS proxy)"},
		{[]string{"--trust-proxy", "10.0.0.0/33"}, `--trust-proxy "10.0.0.0/33": not an address or a network in CIDR notation (10.0.0.0/8, 192.0.2.7, ::1)`},
		{[]string{"--trust-proxy", "proxy.example"}, `--trust-proxy "proxy.example": not an address or a network in CIDR notation (10.0.0.0/8, 192.0.2.7, ::1)`},
		{[]string{"--trust-proxy", "10.0.0.1/8"}, `--trust-proxy "10.0.0.1/8": the network has bits set after its prefix; did you mean 10.0.0.0/8?`},
		{[]string{"--public-streams", "-1000"}, "--public-streams -1000: give a number of at least 1"},
	}
	english := englishWords([]string{"cert", "proxy", "trust", "streams", "public", "http", "bits", "cidr"}, "cli.access.")
	for _, c := range cases {
		args := append([]string{"serve", "--db", db}, c.args...)
		code, _, errs := runForTest(t, "", args...)
		if code != 2 || errs != "plenum serve: "+c.english+"\n" {
			t.Errorf("English %v: exit %d: %q, want %q", c.args, code, errs, c.english)
		}
		for _, lang := range []string{"de", "ru"} {
			code, out, errs := runIn(t, lang, args...)
			if code != 2 || out != "" || !strings.HasPrefix(errs, "plenum serve: ") {
				t.Errorf("%s %v: exit %d: %q", lang, c.args, code, errs)
			}
			noEnglish(t, lang+" "+strings.Join(c.args, " "), strings.TrimPrefix(errs, "plenum serve: "), english)
		}
	}
}
