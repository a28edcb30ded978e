package httpapi

import (
	"strings"
	"testing"
)

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

// TestProblemsInTheClientsLanguage: the API's own problems (an unknown
// route, a missing idempotency key, a body that is not JSON, a visitor, a
// bad query parameter, a command only an administrator may give) and a
// refusal of the rules come with title and detail in German and Russian,
// and their code, field and status as in English; in the pseudo-locale
// every title and detail comes from the catalog.
func TestProblemsInTheClientsLanguage(t *testing.T) {
	w := newWorld(t, 3)
	d1, visitor := w.as("d1"), w.public()
	cases := []struct {
		name string
		send func(hdr ...string) response
		// The German and the Russian detail, in full where given.
		de, ru string
	}{
		{"unknown route", func(h ...string) response { return d1.do("GET", "/api/nope", "", h...) },
			"es gibt keinen API-Endpunkt GET /api/nope; die Endpunkte stehen in /api/openapi.json",
			"в API нет точки доступа GET /api/nope; список точек доступа — в /api/openapi.json"},
		{"no idempotency key", func(h ...string) response {
			return d1.do("POST", "/api/assemblies/coop/commands", `{"cmd":"request_floor","args":{}}`, h...)
		}, "", "каждой команде нужен ключ идемпотентности (заголовок Idempotency-Key, например случайный UUID на каждое действие), чтобы повторный запрос никогда не выполнялся дважды"},
		{"not JSON", func(h ...string) response {
			return d1.do("POST", "/api/assemblies/coop/commands", `{"cmd":`, append(h, "Idempotency-Key", w.key())...)
		}, "", ""},
		{"visitor", func(h ...string) response { return visitor.do("GET", "/api/assemblies/coop/persons", "", h...) },
			"melden Sie sich mit dem Zugangscode auf Ihrer Mandatskarte an, um dies zu sehen", ""},
		{"bad limit", func(h ...string) response { return d1.do("GET", "/api/assemblies/coop/record?limit=0", "", h...) },
			"limit muss eine ganze Zahl von 1 bis 1000 sein", "limit должен быть целым числом от 1 до 1000"},
		{"not an administrator", func(h ...string) response {
			return d1.do("POST", "/api/assemblies", `{"cmd":"create_assembly","args":{"id":"x"}}`, append(h, "Idempotency-Key", w.key())...)
		}, "nur ein Serveradministrator darf eine Versammlung anlegen", ""},
		{"no such assembly", func(h ...string) response {
			return d1.do("GET", "/api/assemblies/nowhere/votes", "", h...)
		}, "", ""},
		{"refusal", func(h ...string) response {
			return d1.do("POST", "/api/assemblies/coop/commands", `{"cmd":"cast_ballot","args":{"vote":"nope","voter":"d1","choice":"for"}}`, append(h, "Idempotency-Key", w.key())...)
		}, `es gibt keine Abstimmung "nope"`, `голосования "nope" нет`},
	}
	for _, c := range cases {
		en := c.send()
		ep := en.problem()
		if en.status < 400 || ep.Code == "" || ep.Title == "" || ep.Detail == "" {
			t.Fatalf("%s: not a problem: %d %s", c.name, en.status, en.body)
		}
		for _, lang := range []struct{ accept, want string }{{"de-DE,de;q=0.9", c.de}, {"ru", c.ru}} {
			r := c.send("Accept-Language", lang.accept)
			p := r.problem()
			if r.status != en.status || p.Code != ep.Code || p.Field != ep.Field || p.Status != ep.Status {
				t.Errorf("%s in %s: %d %+v; want status, code and field as in English %+v", c.name, lang.accept, r.status, p, ep)
			}
			if p.Title == ep.Title || p.Detail == ep.Detail {
				t.Errorf("%s in %s: title %q, detail %q are English", c.name, lang.accept, p.Title, p.Detail)
			}
			if lang.want != "" && p.Detail != lang.want {
				t.Errorf("%s in %s: detail %q, want %q", c.name, lang.accept, p.Detail, lang.want)
			}
		}
		p := c.send("Cookie", "plenum_lang=en-XA").problem()
		if !strings.HasPrefix(p.Title, "⟦") || !strings.HasPrefix(p.Detail, "⟦") {
			t.Errorf("%s: title %q or detail %q not from the catalog", c.name, p.Title, p.Detail)
		}
	}
}

// TestReadRefusalInTheAssemblysLanguage: without a choice of the person
// or the client, a refusal to read the record is in the assembly's
// language; a client's Accept-Language comes before it.
func TestReadRefusalInTheAssemblysLanguage(t *testing.T) {
	w := newWorld(t, 1)
	w.admin.mustStatus(201, "POST", "/api/assemblies", `{"args":{"id":"rus","name":"Съезд","starts":"1917-04-24","rules":"congress","language":"ru","record_access":"officers"}}`, "Idempotency-Key", w.key())
	p := w.public().do("GET", "/api/assemblies/rus/record", "").problem()
	if p.Code != "unauthorized" || p.Title != "Пожалуйста, войдите в систему" || !strings.HasPrefix(p.Detail, "Протокол собрания «Съезд» открыт только должностным лицам") {
		t.Errorf("in the assembly's language: %+v", p)
	}
	p = w.public().do("GET", "/api/assemblies/rus/record", "", "Accept-Language", "fr").problem()
	if p.Title != "Veuillez vous connecter" || !strings.HasPrefix(p.Detail, "Le procès-verbal de Съезд n'est ouvert qu'à son bureau") {
		t.Errorf("in the client's language: %+v", p)
	}
}

// TestEngineRefusalInTheClientsLanguage: a refusal of the engine (an
// idempotency key used again for another command) is said in the
// client's language, its code and field unchanged.
func TestEngineRefusalInTheClientsLanguage(t *testing.T) {
	w := newWorld(t, 3)
	d1 := w.as("d1")
	key := w.key()
	d1.mustStatus(201, "POST", "/api/assemblies/coop/commands", `{"cmd":"request_floor","args":{"item":"i1","person":"d1"}}`, "Idempotency-Key", key)
	r := d1.do("POST", "/api/assemblies/coop/commands", `{"cmd":"withdraw_request","args":{"item":"i1","person":"d1"}}`, "Idempotency-Key", key, "Accept-Language", "ru")
	p := r.problem()
	if p.Code != "invalid" || p.Field != "key" || p.Title != "Команда недопустима" || !strings.HasPrefix(p.Detail, "ключ идемпотентности уже использован для другой команды (запись ") {
		t.Errorf("%d %+v", r.status, p)
	}
}
