package web_test

import (
	"net/http"
	"strings"
	"testing"

	"plenum/web"
)

// TestImportRowRefusedInTheAssemblysLanguage: a row of an import the
// rules refuse as it is recorded (another's form took its person's id
// between the plan and the batch) is told on the import page in the
// assembly's language, German, to a reader who chose none, with the
// person named: it was English (the refusal was worded without the
// assembly).
func TestImportRowRefusedInTheAssemblysLanguage(t *testing.T) {
	h := newHall(t)
	h.must("admin", "amend_assembly", obj{"language": "de"})
	sec := h.browser("sec")
	code, preview := sec.upload(asm, "roster.csv", []byte("Name,Delegation,Kind\nEgor Egorov,The members,decisive\n"), nil)
	if code != http.StatusOK {
		t.Fatalf("the upload: %d\n%s", code, preview)
	}
	defer web.SetBeforeImportBatch(func(id string) {
		h.must("admin", "add_person", obj{"id": "egor-egorov", "name": "Jegor Jegorow"})
	})()
	before := h.logSize(asm)
	if code, _ := sec.record(asm, preview, nil); code != http.StatusSeeOther {
		t.Fatalf("recording the import: %d, want it refused", code)
	}
	if n := h.logSize(asm); n != before+1 {
		t.Fatalf("the log grew by %d entries, want the one person added meanwhile", n-before)
	}
	_, page, _ := sec.get("/a/" + asm + "/import")
	const want = "Zeile 2 konnte nicht festgehalten werden: Abgelehnt: Es gibt bereits eine Person"
	if msg := flashText(page); !strings.Contains(msg, want) || !strings.Contains(msg, "Jegor Jegorow") {
		t.Errorf("the row refused says %q, want %q… naming Jegor Jegorow", msg, want)
	}
}
