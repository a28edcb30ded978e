// Package pgfault puts a fault.Proxy between a test and PostgreSQL.
package pgfault

import (
	"net/url"
	"testing"

	"plenum/fault"
	"plenum/store/postgres/pgtest"
)

// Proxied returns dsn reaching the server through a fault proxy, closed
// when the test ends.
func Proxied(t testing.TB, dsn string) (string, *fault.Proxy) {
	t.Helper()
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	p, err := fault.NewProxy(u.Host)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	return pgtest.WithHost(t, dsn, p.Addr()), p
}
