package main

import (
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"plenum/ledger"
)

// TestVerifyURLSaysWhatItDid: plenum verify --url says, in the officer's
// language, where it read the log from, up to which signed checkpoint
// (its tree size and root hash) it checked it, and that it replayed every
// entry through the rules of procedure, how many; or, with --no-replay,
// that it did not.
func TestVerifyURLSaysWhatItDid(t *testing.T) {
	_, write := coopScript(t, 0)
	srv, db := replayedServer(t, write())
	hs := httptest.NewServer(srv.handler)
	defer hs.Close()
	key := demoVerifierKey(t, db)
	a, _ := srv.engine.Assembly("coop")
	signed, err := ledger.ParseSignedCheckpoint(a.Log().Checkpoint())
	if err != nil {
		t.Fatal(err)
	}
	n, root, from := strconv.FormatInt(signed.Size, 10), signed.Hash.String(), hs.URL+"/log/coop/"
	for _, c := range []struct {
		lang     string
		noReplay bool
		want     []string
	}{
		{"", false, []string{"read from " + from + ", up to its signed checkpoint of tree size " + n + " (root hash " + root + ")\n",
			"replayed: " + n + " entries, every event in order through the rules of procedure up to that checkpoint, none refused\n"}},
		{"", true, []string{"read from " + from + ", up to its signed checkpoint of tree size " + n,
			"not replayed (--no-replay): the hashes and signatures were checked, not the events against the rules of procedure\n"}},
		{"de", false, []string{"gelesen von " + from + ", bis zu seinem signierten Prüfpunkt der Baumgröße " + n + " (Wurzelhash " + root + ")",
			"nachvollzogen: " + n + " Einträge, jedes Ereignis der Reihe nach gemäß der Geschäftsordnung"}},
		{"de", true, []string{"nicht nachvollzogen (--no-replay)"}},
		{"ru", false, []string{"прочитано с " + from + " до подписанной контрольной точки при размере дерева " + n, "воспроизведено: " + n + " запис"}},
		{"fr", false, []string{"lu depuis " + from + ", jusqu'à son point de contrôle signé de taille d'arbre " + n, "rejoué : " + n + " entrées"}},
		{"es", false, []string{"leído de " + from + ", hasta su punto de control firmado de tamaño de árbol " + n, "reproducido: " + n + " entradas"}},
		{"es", true, []string{"no reproducido (--no-replay)"}},
	} {
		args := []string{"verify", "--url", hs.URL, "--assembly", "coop", "--key", key}
		if c.noReplay {
			args = append(args, "--no-replay")
		}
		code, out, errs := runIn(t, c.lang, args...)
		if code != 0 {
			t.Fatalf("%s %v: exit %d\n%s\n%s", c.lang, args, code, out, errs)
		}
		for _, w := range c.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s, --no-replay %v: want %q in\n%s", c.lang, c.noReplay, w, out)
			}
		}
		if c.lang == "" && c.noReplay == strings.Contains(out, "\nreplayed: ") {
			t.Errorf("%s, --no-replay %v: says it replayed, or not, wrongly:\n%s", c.lang, c.noReplay, out)
		}
	}
}

// TestVerifyDBSaysItDidNotReplay: plenum verify --db --no-replay says,
// in the officer's language, that it checked the hashes and signatures
// only and did not replay the events.
func TestVerifyDBSaysItDidNotReplay(t *testing.T) {
	db, vkey := makeDB(t)
	for _, c := range []struct{ lang, want string }{
		{"", "OK: 2 assemblies, 20 entries; hashes and signatures only, the events not replayed (--no-replay) (key plenum.localhost)"},
		{"de", "Einträge; nur Hashes und Signaturen, die Ereignisse nicht nachvollzogen (--no-replay)"},
		{"ru", "проверены только хеши и подписи, события не воспроизведены (--no-replay)"},
		{"fr", "empreintes et signatures seulement, les événements non rejoués (--no-replay)"},
		{"es", "solo hashes y firmas, los eventos no reproducidos (--no-replay)"},
	} {
		if code, out, errs := runIn(t, c.lang, "verify", "--db", db, "--key", vkey, "--no-replay"); code != 0 || !strings.Contains(out, c.want) {
			t.Errorf("%q: exit %d, want %q in\n%s\n%s", c.lang, code, c.want, out, errs)
		}
	}
}
