package auth

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"plenum/store/sqlite"
)

// BenchmarkLoginOneAddress measures logins with correct codes over HTTP
// from one client address (the loopback), 8 at a time, as a hall behind
// one network would send them: each a POST /login with the code as JSON,
// answered with a new session. ns/op is the time per login; logins/s is
// reported.
func BenchmarkLoginOneAddress(b *testing.B) {
	ctx := context.Background()
	s, err := Open(b.TempDir()+"/access.db", Options{RowKey: testKey})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	persons := make([]string, b.N)
	for i := range persons {
		persons[i] = fmt.Sprintf("d%d", i)
	}
	codes, err := s.IssueCodes(ctx, "coop", persons)
	if err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(s.HandleLogin(nil))
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 8}}
	next := make(chan string)
	var wg sync.WaitGroup
	var failed sync.Once
	b.ResetTimer()
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for code := range next {
				res, err := client.Post(srv.URL, "application/json", strings.NewReader(`{"code":"`+code+`"}`))
				if err != nil || res.StatusCode != 200 {
					failed.Do(func() { b.Errorf("login: %v %v", res, err) })
				}
				if res != nil {
					res.Body.Close()
				}
			}
		}()
	}
	for _, c := range codes {
		next <- c.Code
	}
	close(next)
	wg.Wait()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "logins/s")
}

// BenchmarkWrongCodes measures how fast the server checks wrong codes
// over HTTP from many addresses (through a trusted proxy, so that each
// request names its own client): the rate at which a guesser with every
// address it wants is answered, 401 or 429. docs/access.md reckons the
// years to guess a code from it.
func BenchmarkWrongCodes(b *testing.B) {
	s, err := Open(b.TempDir()+"/access.db", Options{RowKey: testKey, TrustedProxies: []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if _, err := s.IssueCodes(context.Background(), "coop", []string{"ann"}); err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(s.HandleLogin(nil))
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 8}}
	var n atomic.Int64
	b.SetParallelism(4)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			i := n.Add(1)
			req, _ := http.NewRequest("POST", srv.URL, strings.NewReader(`{"code":"`+newCode()+`"}`))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("X-Forwarded-For", fmt.Sprintf("10.%d.%d.%d", i>>16&255, i>>8&255, i&255))
			res, err := client.Do(req)
			if err != nil || (res.StatusCode != 401 && res.StatusCode != 429) {
				b.Errorf("wrong code: %v %v", res, err)
				return
			}
			res.Body.Close()
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "checks/s")
}

// BenchmarkSession measures looking a session up, as every request of a
// logged-in browser does: a read of the database each time (nothing is
// cached, so that a session ended on another node is over here), on
// SQLite and on PostgreSQL, 8 at a time.
func BenchmarkSession(b *testing.B) {
	for name, fresh := range databases() {
		b.Run(name, func(b *testing.B) {
			s, err := Open(fresh(b), Options{RowKey: testKey})
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			benchSessions(b, s)
		})
	}
}

// benchSessions makes 1000 sessions in s, looks each up once (the steady
// state: every session in use), and measures looking them up, 8 at a
// time.
func benchSessions(b *testing.B, s *Store) {
	ctx := context.Background()
	persons := make([]string, 1000)
	for i := range persons {
		persons[i] = fmt.Sprintf("d%d", i)
	}
	tokens, err := s.NewSessions(ctx, "coop", persons)
	if err != nil {
		b.Fatal(err)
	}
	for _, t := range tokens {
		if _, err := s.Session(ctx, t); err != nil {
			b.Fatal(err)
		}
	}
	var n atomic.Int64
	b.SetParallelism(4) // 8 goroutines on 2 cores
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := s.Session(ctx, tokens[n.Add(1)%int64(len(tokens))]); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

// BenchmarkSessionCached measures looking a session up on a SQLite
// database this process serves (plenum serve's case: the ledger store
// holds its write lock, so sessions are answered from memory,
// sessionCache), 8 at a time over 1000 sessions: the cost every ballot
// pays before it is counted.
func BenchmarkSessionCached(b *testing.B) {
	path := b.TempDir() + "/plenum.db"
	ledger, err := sqlite.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer ledger.Close()
	s, err := Open(path, Options{RowKey: testKey})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if !s.cacheUsable() {
		b.Fatal("the served store does not cache its sessions")
	}
	benchSessions(b, s)
}
