package web

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"html/template"
	"net/http"
	"strings"
	"sync"
	"time"

	"plenum/assembly"
	"plenum/engine"
	"plenum/i18n"
	"plenum/internal/figures"
	"plenum/ledger"
	"plenum/minutes"
)

// The minutes' formats as files: media type and file name extension.
var minutesTypes = map[string]struct{ mediaType, ext string }{
	minutes.FormatHTML:     {"text/html; charset=utf-8", "html"},
	minutes.FormatMarkdown: {"text/markdown; charset=utf-8", "md"},
	minutes.FormatPDF:      {"application/pdf", "pdf"},
	minutes.FormatAKN:      {"application/xml", "akn.xml"},
	minutes.FormatPopolo:   {"application/json", "popolo.json"},
}

// minutesCache keeps the last rendering of each assembly's minutes per
// format: a document depends only on the log at its checkpoint, so it is
// rendered again only when the log grew.
type minutesCache struct {
	mu   sync.Mutex
	docs map[string]cachedMinutes // assembly id + "/" + format
}

type cachedMinutes struct {
	size int64
	body []byte
}

// minutesCheckpoint describes the signed checkpoint of the state s is
// folded from, for package minutes. It is called inside Read, where the
// log's checkpoint covers exactly the events applied.
func minutesCheckpoint(a *engine.Assembly, s *assembly.State, verifierKey string) (minutes.Checkpoint, error) {
	signed := a.Log().Checkpoint()
	cp, err := ledger.ParseSignedCheckpoint(signed)
	if err != nil {
		return minutes.Checkpoint{}, err
	}
	if cp.Size != int64(s.Events) {
		return minutes.Checkpoint{}, fmt.Errorf("the checkpoint covers %d entries, the state %d", cp.Size, s.Events)
	}
	return minutes.Checkpoint{Origin: cp.Origin, Size: cp.Size, RootHash: base64.StdEncoding.EncodeToString(cp.Hash[:]),
		Signed: string(signed), VerifierKey: verifierKey}, nil
}

// minutes serves GET /a/{id}/minutes/{format}: the assembly's minutes as
// package minutes renders them, at the log's latest checkpoint. The
// document states that checkpoint, so anyone can render it again from the
// log and compare the bytes (plenum verify --document). Only those who
// may read the record get it (httpapi.MayRead).
func (s *server) minutes(w http.ResponseWriter, r *http.Request) {
	a, ok := s.assemblyOf(w, r)
	if !ok || !s.mayRead(w, r, a, true) {
		return
	}
	format := r.PathValue("format")
	typ, ok := minutesTypes[format]
	if !ok {
		plainError(w, r, a, http.StatusNotFound, "web.http.no_minutes_format", format)
		return
	}
	// ?lang= renders them in another language than the record's.
	lang := r.URL.Query().Get("lang")
	if lang != "" && !i18n.Supported(lang) {
		plainError(w, r, a, http.StatusNotFound, "web.http.no_minutes_lang", lang)
		return
	}
	key := a.ID() + "/" + format + "/" + lang
	var doc *minutes.Document
	var size int64
	var err error
	s.cache.mu.Lock()
	cached, hit := s.cache.docs[key]
	s.cache.mu.Unlock()
	a.Read(func(st *assembly.State) {
		size = int64(st.Events)
		if hit && cached.size == size {
			return
		}
		var cp minutes.Checkpoint
		if cp, err = minutesCheckpoint(a, st, s.opts.VerifierKey); err == nil {
			doc = minutes.Build(st, cp)
			if lang != "" {
				doc = minutes.BuildIn(st, cp, lang)
			}
		}
	})
	if err != nil {
		s.opts.Logger.Error("web: minutes", "assembly", a.ID(), "err", err)
		plainError(w, r, a, http.StatusServiceUnavailable, "web.http.minutes_failed")
		return
	}
	body := cached.body
	if doc != nil {
		if size > 0 {
			if es, err := a.Log().Read(r.Context(), size-1, size); err == nil && len(es) == 1 {
				doc.Checkpoint.Time = es[0].Time
			}
		}
		if body, err = minutes.Render(doc, format); err != nil {
			s.opts.Logger.Error("web: minutes", "assembly", a.ID(), "format", format, "err", err)
			plainError(w, r, a, http.StatusInternalServerError, "web.http.minutes_format_failed")
			return
		}
		s.cache.mu.Lock()
		s.cache.docs[key] = cachedMinutes{size: size, body: body}
		s.cache.mu.Unlock()
	}
	h := w.Header()
	h.Set("Content-Type", typ.mediaType)
	h.Set("Cache-Control", "no-cache")
	h.Set("ETag", fmt.Sprintf(`"%s-%s-%d"`, format, lang, size))
	// The HTML document carries its own style sheet; it may be shown in the
	// record page's frame, and nothing in it runs.
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'")
	h.Set("X-Frame-Options", "SAMEORIGIN")
	if format != minutes.FormatHTML || r.URL.Query().Get("download") == "1" {
		name := a.ID() + "-minutes-" + fmt.Sprint(size)
		if lang != "" {
			name += "-" + lang
		}
		h.Set("Content-Disposition", fmt.Sprintf("attachment; filename=\"%s.%s\"", name, typ.ext))
	}
	http.ServeContent(w, r, "", timeZero, bytes.NewReader(body))
}

var timeZero time.Time

// HowToCheck is how a reader checks the minutes, in package minutes' words.
func (v *view) HowToCheck() []string {
	return minutes.HowToCheck(v.L, minutes.Checkpoint{Size: v.Size})
}

// SittingWhen is a sitting's date, time and venue on the record page,
// ending in one full stop: "1917-03-31 3:30 a.m., Petrograd." — a time
// or venue that ends in a stop of its own ("3:30 a.m.") gets no second.
func (v *view) SittingWhen(st *assembly.Sitting) template.HTML {
	t := v.L.DateText(st.Date)
	if st.Time != "" {
		t += " " + st.Time
	}
	var b strings.Builder
	b.WriteString(string(bdi(t)))
	last := t
	if st.Venue != "" {
		b.WriteString(", ")
		b.WriteString(string(bdi(st.Venue)))
		last = st.Venue
	}
	if !strings.HasSuffix(last, ".") {
		b.WriteString(".")
	}
	return template.HTML(b.String())
}

// SittingChairs names who chaired a sitting, as the minutes' heading of
// the sitting does (minutes.Chairs): who opened it, then each who took
// the chair later ("Chair: Victor P. Nogin, then Khinchuk.").
func (v *view) SittingChairs(st *assembly.Sitting) template.HTML {
	ids := minutes.Chairs(v.S, st.ID)
	if len(ids) == 0 {
		ids = []string{st.Chair}
	}
	var b strings.Builder
	b.WriteString(string(bdi(v.Name(ids[0]))))
	for _, id := range ids[1:] {
		b.WriteString(string(tr(v.L, "minutes.sitting.then", bdi(v.Name(id)))))
	}
	return tr(v.L, "minutes.sitting.chair", template.HTML(b.String()))
}

// ResultCount is a declared result's arithmetic without its last word
// when that is the outcome the page states beside it: "0 for, 1 against,
// 1 cast; 1 needed", not "…; 1 needed; defeated" after "defeated" (nor,
// in French, "… ; 1 requis " with the space before the semicolon left).
func (v *view) ResultCount(vt *assembly.Vote) template.HTML {
	arith := figures.Group(v.L, minutes.VoteArithmetic(v.S, vt.ID, v.L))
	if k := "minutes.status." + vt.Result.Outcome; v.L.Has(k) {
		for _, w := range []string{v.Word(v.OutcomeWord(vt)), v.L.T(k)} {
			if t, ok := strings.CutSuffix(arith, "; "+w); ok {
				arith = strings.TrimRight(t, " \u00a0\u202f")
				break
			}
		}
	}
	return v.Named(arith)
}

// Arithmetic is a declared result's arithmetic in the page's language,
// as the minutes give it (minutes.VoteArithmetic): the record states it
// in English ("2 for, 1 against, 3 cast; 2 needed; carried").
func (v *view) Arithmetic(vt *assembly.Vote) template.HTML {
	return v.Named(figures.Group(v.L, minutes.VoteArithmetic(v.S, vt.ID, v.L)))
}
