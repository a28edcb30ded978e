package auth

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"

	"plenum/store/postgres/pgtest"
)

// tryCode posts code to s's login handler as a JSON client from addr and
// returns the status and Retry-After.
func tryCode(t *testing.T, s *Store, addr, code string) (int, string) {
	t.Helper()
	req := httptest.NewRequest("POST", "/login", strings.NewReader(`{"code":`+strconv.Quote(code)+`}`))
	req.Header.Set("Content-Type", "application/json")
	req.RemoteAddr = addr + ":40000"
	rec := httptest.NewRecorder()
	s.HandleLogin(nil).ServeHTTP(rec, req)
	return rec.Code, rec.Header().Get("Retry-After")
}

// wrongCounts returns the shared counts of wrong codes by key.
func wrongCounts(t *testing.T, s *Store) map[string]int64 {
	t.Helper()
	rows, err := s.db.R.Query(`SELECT client, count FROM access_wrong_codes`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var k string
		var n int64
		if err := rows.Scan(&k, &n); err != nil {
			t.Fatal(err)
		}
		out[k] = n
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

const wrongCode = "AAAA-BBBB-CCCC-DDDD"

// TestWrongCodesSharedOnPostgres: two stores on one PostgreSQL database,
// as two nodes behind a load balancer, share the limits on wrong codes:
// the wrong codes of one address through either count for both, so the
// (limit+1)th is refused (429 with Retry-After) whichever node gets it,
// while another address, and a correct code from any address, are not
// limited; a restart keeps the counts.
func TestWrongCodesSharedOnPostgres(t *testing.T) {
	ctx := context.Background()
	db := pgtest.Fresh(t)
	opts := Options{RowKey: testKey, WrongCodesPerMinute: 4, WrongCodesInAllPerMinute: 100}
	a, b := openAt(t, db, opts), openAt(t, db, opts)
	nodes := []*Store{a, b}
	const addr = "203.0.113.7"
	for i := range 4 {
		if st, _ := tryCode(t, nodes[i%2], addr, wrongCode); st != http.StatusUnauthorized {
			t.Fatalf("wrong code %d of 4 through node %d: status %d, want 401", i+1, i%2, st)
		}
	}
	for i, n := range nodes {
		st, retry := tryCode(t, n, addr, wrongCode)
		secs, err := strconv.Atoi(retry)
		if st != http.StatusTooManyRequests || err != nil || secs < 1 || secs > 60 {
			t.Fatalf("the 5th wrong code through node %d: status %d, Retry-After %q; want 429 within a minute", i, st, retry)
		}
	}
	if got := wrongCounts(t, a); got["ip:"+addr] != 6 || got[allClients] != 4 {
		t.Fatalf("counts %v: want 6 for the address (refused ones too) and 4 for all (the refused not)", got)
	}
	// Another address is not limited by the first one's count.
	if st, _ := tryCode(t, b, "198.51.100.9", wrongCode); st != http.StatusUnauthorized {
		t.Fatalf("a wrong code from another address: %d, want 401", st)
	}
	// A correct code works from another address and from the limited one.
	codes, err := a.IssueCodes(ctx, "coop", []string{"ann", "bob"})
	if err != nil {
		t.Fatal(err)
	}
	if st, _ := tryCode(t, b, "198.51.100.9", codes[0].Code); st != http.StatusOK {
		t.Fatalf("a correct code from another address: %d, want 200", st)
	}
	before := wrongCounts(t, a)
	if st, _ := tryCode(t, a, addr, codes[1].Code); st != http.StatusOK {
		t.Fatalf("a correct code from the limited address: %d, want 200", st)
	}
	if after := wrongCounts(t, a); !sameCounts(before, after) {
		t.Fatalf("a correct code changed the counts: %v, then %v", before, after)
	}
	// Both nodes restart: the count is kept.
	a.Close()
	b.Close()
	c := openAt(t, db, opts)
	if st, _ := tryCode(t, c, addr, wrongCode); st != http.StatusTooManyRequests {
		t.Fatalf("a wrong code from the limited address after a restart: %d, want 429", st)
	}
}

func sameCounts(a, b map[string]int64) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// TestWrongCodesInAllSharedOnPostgres: the limit on wrong codes from all
// addresses together holds across nodes, also when the nodes count at the
// same moment: of 40 wrong codes from 40 addresses through two nodes at
// once, with 25 allowed in all, exactly 25 are answered 401.
func TestWrongCodesInAllSharedOnPostgres(t *testing.T) {
	db := pgtest.Fresh(t)
	opts := Options{RowKey: testKey, WrongCodesPerMinute: 5, WrongCodesInAllPerMinute: 25}
	a, b := openAt(t, db, opts), openAt(t, db, opts)
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		statuses = map[int]int{}
	)
	for i := range 40 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n := a
			if i%2 == 1 {
				n = b
			}
			st, _ := tryCode(t, n, "192.0.2."+strconv.Itoa(i+1), wrongCode)
			mu.Lock()
			statuses[st]++
			mu.Unlock()
		}()
	}
	wg.Wait()
	if statuses[http.StatusUnauthorized] != 25 || statuses[http.StatusTooManyRequests] != 15 {
		t.Fatalf("statuses %v: want 25 × 401 and 15 × 429", statuses)
	}
}

// TestWrongCodesBadInputCountsNothing: requests that carry no code to
// check (malformed, empty, cross-site, the wrong method) are refused
// without counting anything, on either store; a correct code counts
// nothing either.
func TestWrongCodesBadInputCountsNothing(t *testing.T) {
	for name, fresh := range databases() {
		t.Run(name, func(t *testing.T) {
			s := openAt(t, fresh(t), Options{RowKey: testKey, WrongCodesPerMinute: 1})
			h := s.HandleLogin(nil)
			for _, tc := range []struct {
				name, method, body, ctype string
				origin                    string
				want                      int
			}{
				{"malformed JSON", "POST", `{"code":`, "application/json", "", 400},
				{"no code", "POST", `{"code":"  "}`, "application/json", "", 400},
				{"a form from another site", "POST", "code=" + wrongCode, "application/x-www-form-urlencoded", "http://evil.example", 403},
				{"PUT", "PUT", `{"code":"` + wrongCode + `"}`, "application/json", "", 405},
				{"an oversized form", "POST", "code=" + strings.Repeat("A", 5000), "application/x-www-form-urlencoded", "http://example.com", 400},
			} {
				req := httptest.NewRequest(tc.method, "http://example.com/login", strings.NewReader(tc.body))
				req.Header.Set("Content-Type", tc.ctype)
				if tc.origin != "" {
					req.Header.Set("Origin", tc.origin)
				}
				req.RemoteAddr = "203.0.113.8:40000"
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != tc.want {
					t.Fatalf("%s: status %d, want %d", tc.name, rec.Code, tc.want)
				}
			}
			codes, err := s.IssueCodes(context.Background(), "coop", []string{"ann"})
			if err != nil {
				t.Fatal(err)
			}
			if st, _ := tryCode(t, s, "203.0.113.8", codes[0].Code); st != http.StatusOK {
				t.Fatalf("a correct code: %d", st)
			}
			if s.db.Postgres {
				if got := wrongCounts(t, s); len(got) != 0 {
					t.Fatalf("counts after requests that carried no wrong code: %v", got)
				}
			}
			// The allowance of one wrong code is untouched.
			if st, _ := tryCode(t, s, "203.0.113.8", wrongCode); st != http.StatusUnauthorized {
				t.Fatalf("the first wrong code: %d, want 401", st)
			}
			if st, _ := tryCode(t, s, "203.0.113.8", wrongCode); st != http.StatusTooManyRequests {
				t.Fatalf("the second wrong code: %d, want 429", st)
			}
		})
	}
}

// TestWrongCodesWindowsEnd: on PostgreSQL an address whose window has
// ended (moved back here, as the database's clock would) starts a new
// one, and the sweep deletes the counts of ended windows and keeps the
// others.
func TestWrongCodesWindowsEnd(t *testing.T) {
	ctx := context.Background()
	s := openAt(t, pgtest.Fresh(t), Options{RowKey: testKey, WrongCodesPerMinute: 2})
	const addr = "203.0.113.9"
	for range 2 {
		tryCode(t, s, addr, wrongCode)
	}
	if st, _ := tryCode(t, s, addr, wrongCode); st != http.StatusTooManyRequests {
		t.Fatalf("the third wrong code: %d, want 429", st)
	}
	if _, err := s.db.W.Exec(`UPDATE access_wrong_codes SET since = since - interval '61 seconds' WHERE client = $1`, "ip:"+addr); err != nil {
		t.Fatal(err)
	}
	if st, _ := tryCode(t, s, addr, wrongCode); st != http.StatusUnauthorized {
		t.Fatalf("a wrong code after the window ended: %d, want 401", st)
	}
	if got := wrongCounts(t, s)["ip:"+addr]; got != 1 {
		t.Fatalf("count in the new window: %d, want 1", got)
	}
	// Ended: the address's window; kept: all addresses' (just counted).
	if _, err := s.db.W.Exec(`INSERT INTO access_wrong_codes (client, since, count) VALUES ('ip:192.0.2.99', now() - interval '2 minutes', 7)`); err != nil {
		t.Fatal(err)
	}
	if err := s.shared.sweep(ctx, s, true); err != nil {
		t.Fatal(err)
	}
	got := wrongCounts(t, s)
	if _, ok := got["ip:192.0.2.99"]; ok || got["ip:"+addr] != 1 || got[allClients] == 0 {
		t.Fatalf("after the sweep: %v; want the ended window gone, the others kept", got)
	}
}

// TestWrongCodeNotCounted: on PostgreSQL a wrong code that cannot be
// counted (here: the table is gone) is refused with 500, not 401, so that
// nobody learns more about codes than the limits allow.
func TestWrongCodeNotCounted(t *testing.T) {
	s := openAt(t, pgtest.Fresh(t), Options{RowKey: testKey})
	if _, err := s.db.W.Exec(`DROP TABLE access_wrong_codes`); err != nil {
		t.Fatal(err)
	}
	if st, _ := tryCode(t, s, "203.0.113.10", wrongCode); st != http.StatusInternalServerError {
		t.Fatalf("a wrong code that could not be counted: %d, want 500", st)
	}
}
