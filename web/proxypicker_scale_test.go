package web_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"plenum/assembly"
	"plenum/auth"
)

// TestProxyPickerAtScale (REVIEW-scale F6): with more persons than a
// picker lists whole, the person page's "Carried by proxy" picker is
// searched on the server, among those who hold a verified mandate, not a
// select of every delegate.
func TestProxyPickerAtScale(t *testing.T) {
	h, tok := scaleHall(t, 2000)
	ctx := context.Background()
	for _, c := range []struct {
		actor, cmd string
		args       any
	}{
		{"chair", "close_vote", obj{"vote": "v1"}}, // the rules do not change while it is open
		{auth.AdminPerson, "set_rules", obj{"overrides": obj{"proxies_allowed": true}}},
	} {
		h.at = h.at.Add(time.Second)
		if _, err := h.eng.Submit(ctx, assembly.Envelope{Cmd: c.cmd, Assembly: asm, Actor: c.actor, At: h.at, Args: mustJSON(t, c.args)}); err != nil {
			t.Fatalf("%s: %v", c.cmd, err)
		}
	}
	path := "/a/" + asm + "/setup-person?p=p79"
	page, _ := serve(t, h, tok, path)
	if !strings.Contains(page, `name="a:to"`) {
		t.Fatal("the person page offers no proxy")
	}
	t.Logf("person page of 2,000 delegates: %d bytes", len(page))
	if n := strings.Count(page, "<option"); n > 100 {
		t.Errorf("the person page has %d options", n)
	}
	if !strings.Contains(page, `/a/`+asm+`/choices/delegates`) || !strings.Contains(page, `id="find-px-m-p79"`) {
		t.Error("the proxy picker is not searched on the server")
	}
	// Without a script: the page fetched with the search lists the
	// delegate found, not the person whose mandate awaits the commission.
	found, _ := serve(t, h, tok, path+"&find-px-m-p79=Delegate+1999")
	if !strings.Contains(found, `<option value="p1999">`) {
		t.Error("the proxy picker's search does not find Delegate 1999")
	}
	found, _ = serve(t, h, tok, path+"&find-px-m-p79=M-77")
	if strings.Contains(found, `<option value="numbered">`) {
		t.Error("the proxy picker offers a person without a verified mandate")
	}
	// The script's search.
	js, _ := serve(t, h, h.codes["chair"], "/a/"+asm+"/choices/delegates?q=Delegate+1999")
	if !strings.Contains(js, `"value":"p1999"`) {
		t.Errorf("/choices/delegates does not find Delegate 1999: %s", js)
	}
	js, _ = serve(t, h, h.codes["chair"], "/a/"+asm+"/choices/delegates?q=M-77")
	if strings.Contains(js, `"numbered"`) {
		t.Errorf("/choices/delegates finds a person without a verified mandate: %s", js)
	}
}
