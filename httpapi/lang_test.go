package httpapi

import "testing"

// TestRefusalInTheClientsLanguage: a refusal's title and detail come in
// the language the client asks for; its code and field do not change;
// without Accept-Language, or for a refusal the catalog does not yet
// translate, the detail is the rules' English.
func TestRefusalInTheClientsLanguage(t *testing.T) {
	w := newWorld(t, 3)
	c := w.as("d1")
	args := `{"vote":"nope","voter":"d1","choice":"for"}`
	en := c.cmd("cast_ballot", args).problem()
	if en.Code != "not_found" || en.Title != "Not found" || en.Detail != `there is no vote "nope"` {
		t.Fatalf("English: %+v", en)
	}
	for _, tc := range []struct{ accept, title, detail string }{
		{"ru-RU,ru;q=0.9", "Не найдено", `голосования "nope" нет`},
		{"de", "Nicht gefunden", `es gibt keine Abstimmung "nope"`},
		{"es", "No encontrado", `no hay ninguna votación "nope"`},
		{"pt-BR", "Not found", `there is no vote "nope"`},
	} {
		r := c.do("POST", "/api/assemblies/coop/commands", `{"cmd":"cast_ballot","args":`+args+`}`, "Idempotency-Key", w.key(), "Accept-Language", tc.accept)
		p := r.problem()
		if p.Code != en.Code || p.Field != en.Field || p.Status != en.Status || p.Title != tc.title || p.Detail != tc.detail {
			t.Errorf("%s: %+v, want title %q, detail %q, code and field unchanged", tc.accept, p, tc.title, tc.detail)
		}
	}
}
