package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestCountSheetTies: the chair's count sheet says a tie broken by lot in
// the page's language, with the candidates' names and the seed.
func TestCountSheetTies(t *testing.T) {
	h := newHall(t)
	h.must("admin", "add_person", obj{"id": "ivan", "name": "Ivan Ivanov"})
	h.must("admin", "add_person", obj{"id": "olga", "name": "Olga Orlova"})
	h.must("chair", "open_election", obj{"id": "e1", "title": "Editor", "seats": 1, "method": "plurality", "candidates": []string{"ivan", "olga"}})
	h.must("anna", "cast_election_ballot", obj{"election": "e1", "voter": "anna", "approve": []string{"ivan"}})
	h.must("boris", "cast_election_ballot", obj{"election": "e1", "voter": "boris", "approve": []string{"olga"}})
	h.must("chair", "close_election", obj{"election": "e1", "seed": 1917})
	h.must("chair", "declare_election", obj{"election": "e1"})
	chair := h.browser("chair")
	u, _ := url.Parse(h.srv.URL)
	for lang, want := range map[string]string{
		"en": "tie between Ivan Ivanov and Olga Orlova for the last seat broken by lot, seed 1917: ",
		"de": "Stimmengleichheit zwischen Ivan Ivanov und Olga Orlova um den letzten Sitz, durch Losentscheid entschieden (Startwert 1917): ",
		"ru": "в борьбе за последнее место равенство голосов: Ivan Ivanov и Olga Orlova; решено жребием (начальное число 1917): ",
		"fr": "égalité entre Ivan Ivanov et Olga Orlova pour le dernier siège, départagée par tirage au sort (graine 1917) : ",
		"es": "empate entre Ivan Ivanov y Olga Orlova por el último puesto, resuelto por sorteo (semilla 1917): ",
	} {
		chair.c.Jar.SetCookies(u, []*http.Cookie{{Name: "plenum_lang", Value: lang, Path: "/"}})
		_, body, _ := chair.get("/a/coop/chair/elections")
		if !strings.Contains(body, want) {
			t.Errorf("%s: the count sheet lacks %q", lang, want)
		}
	}
}
