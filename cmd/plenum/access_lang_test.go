package main

import (
	"path/filepath"
	"testing"
)

// TestAccessInTheOfficersLanguage: plenum serve's refusals of its options
// about access are in the environment's language (serve has no --lang);
// no English word of them is left, and the English is as it was.
func TestAccessInTheOfficersLanguage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	cases := []refusal{
		{[]string{"--db", db, "--tls-cert", "a.pem"}, 2, "--tls-cert and --tls-key go together: give both, or neither to serve plain HTTP (behind a TLS proxy)", 0},
		{[]string{"--db", db, "--trust-proxy", "10.0.0.0/33"}, 2, `--trust-proxy "10.0.0.0/33": not an address or a network in CIDR notation (10.0.0.0/8, 192.0.2.7, ::1)`, 0},
		{[]string{"--db", db, "--trust-proxy", "proxy.example"}, 2, `--trust-proxy "proxy.example": not an address or a network in CIDR notation (10.0.0.0/8, 192.0.2.7, ::1)`, 0},
		{[]string{"--db", db, "--trust-proxy", "10.0.0.1/8"}, 2, `--trust-proxy "10.0.0.1/8": the network has bits set after its prefix; did you mean 10.0.0.0/8?`, 0},
		{[]string{"--db", db, "--public-streams", "-1000"}, 2, "--public-streams -1000: give a number of at least 1", 0},
		{[]string{"--db", db, "--changes-at-once", "0"}, 2, "--changes-at-once 0: give a number of at least 1", 0},
	}
	english := englishWords([]string{"cert", "proxy", "trust", "streams", "public", "http", "bits", "cidr"}, "cli.access.")
	checkRefusals(t, "serve", cases, english, false)
}
