package web

import (
	"html/template"
	"strconv"
	"testing"

	"plenum/i18n"
)

// The parts kept by static are keyed by the assembly a request names,
// which may be any: past maxKeptParts they are dropped and kept afresh,
// and each render still shows its own.
func TestKeptPartsAreBounded(t *testing.T) {
	k := &keptParts{t: template.Must(template.New("x").Parse(`{{define "id"}}<b>{{.ID}}</b>{{end}}`)), kept: keptHTML[staticKey]{max: maxKeptParts}}
	l := i18n.For("en")
	for i := range maxKeptParts + 10 {
		id := "a" + strconv.Itoa(i)
		h, err := k.part("id", &view{L: l, ID: id}, staticViewer{})
		if err != nil || string(h) != "<b>"+id+"</b>" {
			t.Fatalf("part for %s: %q %v", id, h, err)
		}
	}
	if n := len(k.kept.m); n > maxKeptParts || n == 0 {
		t.Errorf("%d parts kept, bound %d", n, maxKeptParts)
	}
	// A part kept before the reset and asked again is rendered again.
	if h, err := k.part("id", &view{L: l, ID: "a0"}, staticViewer{}); err != nil || string(h) != "<b>a0</b>" {
		t.Errorf("a0 after the reset: %q %v", h, err)
	}
}
