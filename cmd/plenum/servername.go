package main

import (
	"flag"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/mod/sumdb/note"

	"plenum/ledger"
)

// serverNameFor is the server name serve uses when --name is not given,
// and why: the name of the signing key already in dataDir (a key's name
// is fixed for every log it signed), else the host of an https or http
// baseURL that names a host (not an IP address, not localhost), else
// ledger.DefaultServerName. Without this, a server set up as the README
// says (--base-url, no --name) named every log plenum.localhost for
// ever, and two congresses' logs could not be told apart at a witness.
func serverNameFor(dataDir, baseURL string) (name, from string) {
	if dataDir != "" {
		if data, err := os.ReadFile(filepath.Join(dataDir, ledger.SigningKeyFile)); err == nil {
			if signer, err := note.NewSigner(strings.TrimSpace(string(data))); err == nil {
				return signer.Name(), "the signing key in " + dataDir
			}
		}
	}
	if u, err := url.Parse(baseURL); err == nil && (u.Scheme == "https" || u.Scheme == "http") {
		host := u.Hostname()
		if host != "" && net.ParseIP(host) == nil && host != "localhost" && !strings.HasSuffix(host, ".localhost") {
			name := strings.ToLower(host)
			if p := u.Port(); p != "" && !(u.Scheme == "https" && p == "443") && !(u.Scheme == "http" && p == "80") {
				name += ":" + p
			}
			if ledger.ValidServerName(name) {
				return name, "--base-url"
			}
		}
	}
	return ledger.DefaultServerName, ""
}

// flagGiven reports whether the command line set the flag called name.
func flagGiven(fs *flag.FlagSet, name string) bool {
	given := false
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == name })
	return given
}
