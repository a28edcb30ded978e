package main

import (
	"context"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"plenum/auth"
)

// TestHTTPSBaseURLMakesCookieSecure: a server whose --base-url is https
// (behind a proxy that terminates TLS) gives a request that reached it
// over plain HTTP, with no proxy header, a Secure session cookie, named
// with the __Host- prefix (auth.HostCookieName: no sibling host can set
// one); with an http base URL the cookie of such a request is not Secure
// and keeps its old name.
func TestHTTPSBaseURLMakesCookieSecure(t *testing.T) {
	for base, secure := range map[string]bool{"HTTPS://congress.example.org": true, "https://congress.example.org/": true, "http://congress.example.org": false, "": false} {
		ctx, cancel := context.WithCancel(context.Background())
		srv, err := openServer(ctx, serverConfig{db: filepath.Join(t.TempDir(), "plenum.db"), name: "plenum.localhost", baseURL: base})
		if err != nil {
			t.Fatal(err)
		}
		link, err := srv.auth.BootstrapAdmin(ctx, "http://x")
		if err != nil {
			t.Fatal(err)
		}
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- srv.listen(ctx, io.Discard, ln) }()
		client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		res, err := client.Get("http://" + ln.Addr().String() + strings.TrimPrefix(link, "http://x"))
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		name := auth.CookieName
		if secure {
			name = auth.HostCookieName
		}
		if cs := res.Cookies(); len(cs) != 1 || cs[0].Secure != secure || !cs[0].HttpOnly || cs[0].Name != name || cs[0].Path != "/" || cs[0].Domain != "" {
			t.Errorf("--base-url %q, a login over plain HTTP: cookies %v (status %d), want one named %s, Path=/, no Domain, with Secure %v", base, cs, res.StatusCode, name, secure)
		}
		cancel()
		if err := <-done; err != nil {
			t.Fatal(err)
		}
		srv.Close()
	}
}
