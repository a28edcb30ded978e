package web

import (
	"html/template"
	"reflect"
	"strings"
	"testing"

	"plenum/i18n"
)

// A part kept by static sees only what it is kept by: a part that asks
// of the viewer's offices fails under static, and says them under
// staticFor.
func TestStaticPartsSeeOnlyWhatTheyAreKeptBy(t *testing.T) {
	pages := parsePages()
	fs := staticParts(pages["chair"])
	static := fs["static"].(func(string, any) (template.HTML, error))
	staticFor := fs["staticFor"].(func(string, interface{ page() *view }) (template.HTML, error))
	v := &view{Page: "chair", ID: "coop", L: i18n.For("en")}
	if _, err := static("layout-nav", v); err == nil {
		t.Error("static rendered the navigation, which asks of the viewer's offices")
	}
	if _, err := static("chair-tabs-nav", v); err != nil {
		t.Errorf("the chair's tabs: %v", err)
	}
	// In a part kept by stateKept, static sees no more than in a page.
	if _, err := static("layout-nav", newStateView(v)); err == nil {
		t.Error("static rendered the navigation of a kept part's stateView, which asks of the viewer's offices")
	}
	if _, err := static("chair-tabs-nav", newStateView(v)); err != nil {
		t.Errorf("the chair's tabs of a kept part's stateView: %v", err)
	}
	v.Me.LoggedIn = true
	nav, err := staticFor("layout-nav", v)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(nav), "/a/coop/chair") {
		t.Errorf("the navigation of a viewer without offices shows the chair's page:\n%s", nav)
	}
}

// A picker is kept by every field of its Picker but its choices (it is
// kept only without): a field added to Picker, which the template may
// show, must be added to pickerKey too.
func TestPickerKeyHasEveryField(t *testing.T) {
	var got []string
	for _, f := range reflect.VisibleFields(reflect.TypeOf(Picker{})) {
		got = append(got, f.Name+" "+f.Type.String())
	}
	want := []string{"ID string", "Name string", "Label string", "Choices []web.Choice", "Many bool", "Optional bool", "None string", "Empty string", "Search *web.PickerSearch"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Picker's fields are %q, pickerKey keeps %q: keep the new ones in pickerKey", got, want)
	}
	for _, f := range reflect.VisibleFields(reflect.TypeOf(PickerSearch{})) {
		if f.Type.Kind() != reflect.String {
			t.Errorf("PickerSearch.%s is a %s: pickerKey compares its fields as strings", f.Name, f.Type)
		}
	}
}
