package web_test

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"plenum/assembly"
)

// TestTrusteesSearchKeepsTheTicked: over Options.PickerLimit persons the
// trustees' picker of the console's encrypted vote is searched with its
// own form, not a form of its own: without the script, its Find button
// or Enter in its search field send the vote's form, which gives no
// command but comes back with what the search found and the trustees
// ticked still ticked, the fields unfolded and the search field empty;
// sent again without words, it opens the vote with every trustee ticked.
// The page's script, which searches as one types, gives the command as
// before, words in the search field or not.
func TestTrusteesSearchKeepsTheTicked(t *testing.T) {
	h := newLargeHall(t, 3)
	chair := h.browser("chair")
	_, page, _ := chair.get("/a/coop/chair")
	for _, want := range []string{
		`name="find-ov-trustees" value=""`,
		`<input type="hidden" name="carry-ov-trustees" value="a:trustees:list"><button type="submit" name="find" value="ov-trustees" formnovalidate class="secondary">Find</button>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the console's trustees' picker lacks %s", want)
		}
	}
	if strings.Contains(page, `id="find-ov-trustees"`) || strings.Contains(page, `form="find-ov-trustees"`) {
		t.Error("the trustees' search is still a form of its own, which sends none of the ticks")
	}
	// The election's form: its trustees too; its button comes first in
	// the form, so that Enter in its fields sends it, not the search.
	_, elections, _ := chair.get("/a/coop/chair/elections")
	open, setup := strings.Index(elections, `<button type="submit" class="big">Open the election</button>`), strings.Index(elections, `<details class="enc-setup" id="el-enc">`)
	if !strings.Contains(elections, `name="carry-el-trustees"`) || open < 0 || setup < open {
		t.Errorf("the election form's trustees do not keep their ticks (%v), or its button (at %d) is not before them (at %d)", strings.Contains(elections, `name="carry-el-trustees"`), open, setup)
	}
	form := func(kv ...string) url.Values {
		f := encryptedVoteForm("a:motion", "m1", "a:trustees:list", "sec", "a:trustees:list", "mc", "carry-ov-trustees", "a:trustees:list")
		for i := 0; i+1 < len(kv); i += 2 {
			f.Set(kv[i], kv[i+1])
		}
		return f
	}
	n := events(h)
	searches := []struct {
		what string
		form url.Values
		want string
	}{
		{"Enter in the search field", form("find-ov-trustees", " zetkin "), "/a/coop/chair?found-ov-trustees=zetkin&pick-ov-trustees=sec&pick-ov-trustees=mc#ov-trustees-q"},
		{"Find", form("find", "ov-trustees", "find-ov-trustees", "zetkin"), "/a/coop/chair?found-ov-trustees=zetkin&pick-ov-trustees=sec&pick-ov-trustees=mc#ov-trustees-q"},
		{"Find without words", form("find", "ov-trustees"), "/a/coop/chair?pick-ov-trustees=sec&pick-ov-trustees=mc#ov-trustees-q"},
	}
	for _, s := range searches {
		resp := chair.act("chair", "open_vote", s.form)
		if loc := resp.Header.Get("Location"); resp.StatusCode != 303 || loc != s.want {
			t.Errorf("%s: %s to %q, want 303 to %q", s.what, resp.Status, loc, s.want)
		}
	}
	if m := events(h); m != n {
		t.Fatalf("a search gave the form's command: the record grew from %d to %d events", n, m)
	}
	_, page, _ = chair.get(searches[0].want)
	for _, want := range []string{
		`<details class="enc-setup" id="ov-enc" open>`,
		`<input type="checkbox" name="a:trustees:list" value="sec" checked>`,
		`<input type="checkbox" name="a:trustees:list" value="mc" checked>`,
		`<input type="checkbox" name="a:trustees:list" value="clara">`,
		`name="find-ov-trustees" value=""`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the console after the search lacks %s", want)
		}
	}
	if got := statusOf(t, page, "ov-trustees"); got != "Found: 1." {
		t.Errorf("the search says %q, want Found: 1.", got)
	}
	// Foreign ids in the query are not listed; a carry field that names
	// no argument is no search.
	_, page, _ = chair.get("/a/coop/chair?pick-ov-trustees=nobody&pick-ov-trustees=sec")
	if strings.Contains(page, `value="nobody"`) || !strings.Contains(page, `value="sec" checked>`) {
		t.Error("the picker lists a person who is none, or not the ticked one")
	}
	bad := form("find-ov-trustees", "zetkin")
	bad.Set("carry-ov-trustees", "cmd")
	bad.Set("a:trustees:list", "nobody")
	refusedNothingChanged(t, h, chair, "chair", "open_vote", bad, "nobody")

	// The script sends the form with its words: the vote opens.
	tok := chair.token("/a/coop/chair")
	f := form("find-ov-trustees", "zetkin")
	f.Add("a:trustees:list", "clara")
	f.Set("csrf", tok)
	f.Set("cmd", "open_vote")
	f.Set("back", "/a/coop/chair")
	if status, res := chair.scriptAct("coop", f); status != 200 || res["ok"] != true {
		t.Fatalf("the script's form: %d %v", status, res)
	}
	trustees := read(h, func(st *assembly.State) []string {
		if v := st.Votes["v1"]; v != nil && v.Encrypted != nil {
			return v.Encrypted.Trustees
		}
		return nil
	})
	if !slices.Equal(trustees, []string{"sec", "mc", "clara"}) {
		t.Fatalf("the vote's trustees %v, want sec, mc, clara", trustees)
	}
}
