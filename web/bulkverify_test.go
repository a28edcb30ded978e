package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"plenum/assembly"
)

var (
	bulkFormRe   = regexp.MustCompile(`(?s)<form [^>]*id="bulk-verify"[^>]*>(.*?)</form>`)
	bulkHiddenRe = regexp.MustCompile(`<input type="hidden" name="([^"]+)" value="([^"]*)">`)
	bulkInputRe  = regexp.MustCompile(`<input type="(hidden|checkbox)" form="bulk-verify" name="([^"]+)" value="([^"]*)"[^>]*>`)
	bulkAllLabel = regexp.MustCompile(`<button type="submit" name="all" value="1"[^>]*>([^<]*)</button>`)
)

// bulkForm is the mandates page's form that verifies many mandates: its
// own fields, and the mandates it lists (shown) and could tick.
func bulkForm(t *testing.T, body string) (form url.Values, shown, boxes []string) {
	t.Helper()
	m := bulkFormRe.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("the mandates page has no form to verify many mandates:\n%s", body)
	}
	form = url.Values{}
	for _, f := range bulkHiddenRe.FindAllStringSubmatch(m[1], -1) {
		form.Add(f[1], f[2])
	}
	for _, f := range bulkInputRe.FindAllStringSubmatch(body, -1) {
		switch {
		case f[1] == "hidden" && f[2] == "shown":
			shown = append(shown, f[3])
		case f[1] == "checkbox" && f[2] == "mandates":
			boxes = append(boxes, f[3])
		}
	}
	return form, shown, boxes
}

// addPending adds persons with a mandate each that waits to be checked.
func addPending(h *hall, ids ...string) {
	for _, p := range ids {
		h.must("admin", "add_person", obj{"id": p, "name": "Emil " + strings.ToUpper(p)})
		h.must("admin", "submit_mandate", obj{"id": "m-" + p, "person": p, "organization": "members", "kind": "decisive"})
	}
}

func mandateStatus(h *hall, id string) string {
	return read(h, func(st *assembly.State) string {
		if m := st.Mandates[id]; m != nil {
			return m.Status
		}
		return ""
	})
}

// TestBulkVerifyTicked: a member of the mandate commission ticks three
// mandates, one their own, and verifies them with one button: each is
// given as verify_mandate and judged by the rules, so two are verified
// and their own is refused, named with the reason; the log holds two
// entries more (review 41 M5).
func TestBulkVerifyTicked(t *testing.T) {
	h := newHall(t)
	h.must("admin", "grant_role", obj{"person": "dmitri", "role": "mandate_commission"})
	addPending(h, "e1", "e2", "e3")
	d := h.browser("dmitri")
	_, body, _ := d.get("/a/coop/mandates")
	form, shown, boxes := bulkForm(t, body)
	if len(shown) != 4 || len(boxes) != 4 {
		t.Fatalf("the form lists %v with boxes %v, want the 4 mandates to check", shown, boxes)
	}
	if !strings.Contains(body, `href="/a/coop/import"`) || !strings.Contains(body, "Status column") {
		t.Errorf("the page does not point to the import's Status column")
	}
	form["shown"] = shown
	form["mandates"] = []string{"m-dmitri", "m-e1", "m-e2"}
	before := h.logSize("coop")
	if resp := d.post("/a/coop/act", form, nil); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("bulk verify: %s", resp.Status)
	}
	if got := h.logSize("coop") - before; got != 2 {
		t.Errorf("the log grew by %d entries, want 2 verify_mandate", got)
	}
	for id, want := range map[string]string{"m-e1": "verified", "m-e2": "verified", "m-e3": "submitted", "m-dmitri": "submitted"} {
		if got := mandateStatus(h, id); got != want {
			t.Errorf("%s is %s, want %s", id, got, want)
		}
	}
	_, body, _ = d.get("/a/coop/mandates")
	for _, want := range []string{"2 mandates verified.", "1 was not verified:", "Dmitri Unchecked — Refused: The mandate of Dmitri Unchecked is your own"} {
		if !strings.Contains(body, want) {
			t.Errorf("the answer does not say %q:\n%s", want, body)
		}
	}
}

// TestBulkVerifyAllListed: the second button, with nothing ticked,
// verifies every mandate the list shows (no script needed).
func TestBulkVerifyAllListed(t *testing.T) {
	h := newHall(t)
	addPending(h, "e1", "e2", "e3")
	mc := h.browser("mc")
	_, body, _ := mc.get("/a/coop/mandates")
	form, shown, _ := bulkForm(t, body)
	if m := bulkAllLabel.FindStringSubmatch(body); m == nil || m[1] != "Verify all 4 mandates listed" {
		t.Errorf("the button to verify all reads %q", m)
	}
	// what the browser sends with the second button: every mandate
	// shown, nothing ticked
	form.Set("all", "1")
	form["shown"] = shown
	before := h.logSize("coop")
	if resp := mc.post("/a/coop/act", form, nil); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("verify all: %s", resp.Status)
	}
	if got := h.logSize("coop") - before; got != int64(len(shown)) || got != 4 {
		t.Errorf("the log grew by %d entries, want 4", got)
	}
	for _, id := range []string{"m-dmitri", "m-e1", "m-e2", "m-e3"} {
		if got := mandateStatus(h, id); got != "verified" {
			t.Errorf("%s is %s, want verified", id, got)
		}
	}
	_, body, _ = mc.get("/a/coop/mandates")
	if !strings.Contains(body, "4 mandates verified.") || !strings.Contains(body, "Every mandate submitted has been checked.") {
		t.Errorf("the page does not say all 4 were verified:\n%s", body)
	}
}
