package web_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"plenum/cosign"
	"plenum/web"
)

// fakeWitnessing reports a fixed status for every log.
type fakeWitnessing struct{ st cosign.Status }

func (f fakeWitnessing) Status(ctx context.Context, origin string) (cosign.Status, error) {
	return f.st, nil
}

func TestPagesShowWhetherTheCheckpointIsWitnessed(t *testing.T) {
	h := newHall(t)
	cases := []struct {
		name   string
		status cosign.Status
		want   []string
	}{
		{"witnessed", cosign.Status{Enabled: true, Size: 9, Witnessed: true, CosignedBy: []string{"union.example", "coop.example"}, Policy: "2 of 3 witnesses"},
			[]string{"Witnessed: cosigned by union.example, coop.example (2 of 3 witnesses needed)", "Record witnessed at entry 9"}},
		{"not yet", cosign.Status{Enabled: true, Size: 9, CosignedBy: []string{"union.example"}, Policy: "2 of 3 witnesses", Pending: true, Failed: map[string]string{"press.example": "refused: inconsistent"}},
			[]string{"Not yet witnessed: cosigned by union.example only; 2 of 3 witnesses needed, submission under way.", "press.example did not cosign: refused: inconsistent", "Record not yet witnessed"}},
		{"without witnesses", cosign.Status{}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv := httptest.NewServer(web.New(h.eng, h.auth, web.Options{Witnesses: fakeWitnessing{c.status}}))
			defer srv.Close()
			var pages string
			for _, p := range []string{"/a/coop/record", "/a/coop/projector"} {
				resp, err := http.Get(srv.URL + p)
				if err != nil {
					t.Fatal(err)
				}
				body, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if resp.StatusCode != 200 {
					t.Fatalf("GET %s: %s", p, resp.Status)
				}
				pages += string(body)
			}
			for _, w := range c.want {
				if !strings.Contains(pages, w) {
					t.Errorf("the pages do not say %q", w)
				}
			}
			if c.want == nil && strings.Contains(pages, "itnessed") {
				t.Error("the pages speak of witnesses when there are none")
			}
		})
	}
}
