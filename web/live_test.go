package web_test

import (
	"io"
	"math"
	"net/http"
	"strconv"
	"strings"
	"testing"
)

// TestLiveBeyondTheHead: the pages' live stream refuses a Last-Event-ID the
// log has not reached with a clear 409, as the API's does; the largest
// int64 does not wrap round to replay the whole log; a good one streams.
func TestLiveBeyondTheHead(t *testing.T) {
	h := newHall(t)
	for _, c := range []struct {
		last   string
		status int
		says   string
	}{
		{"999999", http.StatusConflict, "beyond the log's head"},
		{strconv.FormatInt(math.MaxInt64, 10), http.StatusConflict, "beyond the log's head"},
		{"-5", http.StatusBadRequest, "must be an event index"},
		{"0", http.StatusOK, ""},
	} {
		req, _ := http.NewRequest("GET", h.srv.URL+"/a/coop/live", nil)
		req.Header.Set("Last-Event-ID", c.last)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var body string
		if c.status != http.StatusOK {
			b, _ := io.ReadAll(res.Body)
			body = string(b)
		} else {
			buf := make([]byte, 64)
			n, _ := io.ReadAtLeast(res.Body, buf, 20)
			body = string(buf[:n])
		}
		res.Body.Close()
		if res.StatusCode != c.status || !strings.Contains(body, c.says) {
			t.Errorf("Last-Event-ID %s: %d %q", c.last, res.StatusCode, body)
		}
		if c.status == http.StatusOK && !strings.Contains(body, "id: 1\n") {
			t.Errorf("Last-Event-ID 0 does not resume at entry 1: %q", body)
		}
	}
}
