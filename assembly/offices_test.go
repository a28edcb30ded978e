package assembly

import (
	"reflect"
	"testing"
)

func TestOffices(t *testing.T) {
	h := fixture(t, "congress", "")
	h.must("cara", "submit_mandate", `{"id":"md-guest","person":"guest","kind":"guest"}`)
	h.must("cara", "verify_mandate", `{"mandate":"md-guest"}`)
	h.must("cara", "submit_mandate", `{"id":"md-out","person":"outsider","organization":"org","kind":"decisive"}`)
	cases := []struct {
		person string
		roles  []string
		vote   string
	}{
		// An administrator holds every office the rules let them act in.
		{"ann", []string{"administrator", "chair", "secretary", "mandate_commission", "teller"}, ""},
		{"ben", []string{"secretary"}, ""},
		{"cara", []string{"mandate_commission"}, ""},
		{"kim", []string{"teller"}, ""},
		{"m1", []string{"delegate"}, "decisive"},
		{"rep", []string{"delegate"}, "consultative"},
		{"guest", []string{"guest"}, ""},
		// A mandate not yet verified gives no office.
		{"outsider", []string{}, ""},
		{"nobody", []string{}, ""},
	}
	for _, c := range cases {
		o := h.s.Offices(c.person)
		if !reflect.DeepEqual(o.Roles, c.roles) || o.Vote != c.vote {
			t.Errorf("%s holds %v (vote %q), want %v (%q)", c.person, o.Roles, o.Vote, c.roles, c.vote)
		}
		for _, r := range c.roles {
			if !o.Holds(r) {
				t.Errorf("%s: Holds(%s) is false", c.person, r)
			}
		}
	}
	// Titles name the offices as granted and held in the sitting.
	if got := h.s.Offices("ann").Titles(); !reflect.DeepEqual(got, []string{"administrator", "chair of the sitting"}) {
		t.Errorf("ann's titles %v", got)
	}
	if got := h.s.Offices("m1").Titles(); len(got) != 0 {
		t.Errorf("a delegate's titles %v", got)
	}
	if o := h.s.Offices("m1"); o.Mandate == nil || o.Mandate.ID != "md-m1" || len(o.Mandates) != 1 {
		t.Errorf("m1's mandates: %+v", o)
	}
	if o := h.s.Offices("outsider"); o.Mandate != nil || len(o.Mandates) != 1 || o.Mandates[0].Status != MandateStatusSubmitted {
		t.Errorf("outsider's mandates: %+v", o)
	}
	// The sitting's officers hold their office while it is open, and the
	// answer agrees with what the rules then allow.
	h.must("ann", "close_sitting", `{"sitting":"s1"}`)
	h.must("ann", "open_sitting", `{"id":"s2","date":"2026-05-10","chair":"ann","presidium":["m2"],"secretaries":["m3"]}`)
	if got := h.s.Offices("m2").Roles; !reflect.DeepEqual(got, []string{"chair", "delegate"}) {
		t.Errorf("m2 in the presidium holds %v", got)
	}
	if got := h.s.Offices("m3").Roles; !reflect.DeepEqual(got, []string{"secretary", "delegate"}) {
		t.Errorf("m3, a secretary of the sitting, holds %v", got)
	}
	if got := h.s.Offices("m3").Titles(); !reflect.DeepEqual(got, []string{"secretary of the sitting"}) {
		t.Errorf("m3's titles %v", got)
	}
	h.must("m2", "add_item", `{"id":"i2","title":"Added by the presidium"}`)
	h.must("ann", "close_sitting", `{"sitting":"s2"}`)
	if got := h.s.Offices("m2").Roles; !reflect.DeepEqual(got, []string{"delegate"}) {
		t.Errorf("after the sitting m2 holds %v", got)
	}
	h.refuse("m2", "add_item", `{"id":"i3","title":"After the sitting"}`, ErrForbidden, "only the chair or an administrator may add items to the order of the day")
}
