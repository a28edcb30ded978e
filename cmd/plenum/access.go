package main

import (
	"crypto/tls"
	"errors"
	"fmt"
	"net/http"
	"net/netip"
	"strings"
	"time"

	"plenum/auth"
	"plenum/httpapi"
	"plenum/i18n"
)

// accessConfig is how plenum serve lets people in: TLS, the proxies it
// trusts, and the limits on wrong codes and public event streams (zero
// values take the defaults).
type accessConfig struct {
	tlsCert, tlsKey   string
	trusted           []netip.Prefix
	wrongPerAddress   int
	wrongInAll        int
	streamsPerAddress int
	streamsInAll      int
	// changesAtOnce bounds the requests that change something worked on
	// at once (behind, serving; 0: admit.Default).
	changesAtOnce       int
	readHeader, readAll time.Duration // 0: 10 s and 30 s
}

// accessFlags checks serve's flags about access and returns them; its
// refusals are in l.
func accessFlags(l *i18n.Locale, cert, key string, proxies []string, wrongPer, wrongAll, streamsPer, streamsAll, changesAtOnce int) (accessConfig, error) {
	c := accessConfig{tlsCert: cert, tlsKey: key, wrongPerAddress: wrongPer, wrongInAll: wrongAll, streamsPerAddress: streamsPer, streamsInAll: streamsAll, changesAtOnce: changesAtOnce}
	if (cert == "") != (key == "") {
		return c, &exitError{code: 2, msg: l.T("cli.access.tls_pair")}
	}
	if cert != "" {
		if _, err := tls.LoadX509KeyPair(cert, key); err != nil {
			return c, &exitError{code: 2, msg: l.T("cli.access.tls_load", cert, key, err)}
		}
	}
	for _, p := range proxies {
		pfx, err := parseTrusted(l, p)
		if err != nil {
			return c, &exitError{code: 2, msg: l.T("cli.access.proxy", p, err)}
		}
		c.trusted = append(c.trusted, pfx)
	}
	for _, f := range []struct {
		name string
		v    int
	}{{"--wrong-codes-per-address", wrongPer}, {"--wrong-codes-in-all", wrongAll}, {"--public-streams-per-address", streamsPer}, {"--public-streams", streamsAll}, {"--changes-at-once", changesAtOnce}} {
		if f.v < 1 {
			return c, &exitError{code: 2, msg: l.T("cli.access.at_least", f.name, fmt.Sprint(f.v))}
		}
	}
	return c, nil
}

// parseTrusted reads a proxy's address or network: "10.0.0.0/8",
// "127.0.0.1", "::1".
func parseTrusted(l *i18n.Locale, s string) (netip.Prefix, error) {
	if strings.Contains(s, "/") {
		p, err := netip.ParsePrefix(s)
		if err != nil {
			return p, errors.New(l.T("cli.access.not_cidr"))
		}
		if p.Masked() != p {
			return p, errors.New(l.T("cli.access.masked", p.Masked().String()))
		}
		return p, nil
	}
	a, err := netip.ParseAddr(s)
	if err != nil {
		return netip.Prefix{}, errors.New(l.T("cli.access.not_cidr"))
	}
	a = a.Unmap()
	return netip.PrefixFrom(a, a.BitLen()), nil
}

// authOptions are the access store's options for this configuration,
// for a server people reach at baseURL ("" if not given): an https base
// URL marks the session cookie Secure whatever a request's own scheme or
// a proxy's headers say, since people reach the server over https (a
// proxy in front that terminates TLS and forwards plain HTTP, trusted or
// not, must not make the cookie travel in the clear).
func (c accessConfig) authOptions(baseURL string) auth.Options {
	return auth.Options{WrongCodesPerMinute: c.wrongPerAddress, WrongCodesInAllPerMinute: c.wrongInAll, TrustedProxies: c.trusted, SecureCookies: httpsURL(baseURL)}
}

// httpsURL reports whether u is an https:// address (the scheme in any
// case).
func httpsURL(u string) bool {
	scheme, _, ok := strings.Cut(u, "://")
	return ok && strings.EqualFold(scheme, "https")
}

// streamGate is the limit on public event streams for this configuration.
func (c accessConfig) streamGate() *httpapi.StreamGate {
	return httpapi.NewStreamGate(c.streamsPerAddress, c.streamsInAll)
}

// newHTTPServer is the HTTP server of plenum serve: a request's headers
// must arrive within readHeader (10 s) and the whole request within
// readAll (30 s), so that slow senders cannot hold connections; idle
// connections close after 2 minutes. The event streams lift the read
// deadline for themselves (httpapi, web), and write with a deadline of
// their own.
func newHTTPServer(h http.Handler, c accessConfig) *http.Server {
	rh, ra := c.readHeader, c.readAll
	if rh <= 0 {
		rh = 10 * time.Second
	}
	if ra <= 0 {
		ra = 30 * time.Second
	}
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: rh,
		ReadTimeout:       ra,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
}
