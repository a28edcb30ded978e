package web

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"

	"plenum/assembly"
	"plenum/auth"
	"plenum/engine"
	"plenum/httpapi"
	"plenum/i18n"
)

// The mandates page's form that verifies many mandates at once (review
// 41 M5): a box to tick beside each mandate to check, and two buttons,
// one for the ticked ones, one for every mandate the list shows (which
// needs no script). It posts verify_mandate to /a/ID/act with the field
// bulk; act gives the command once for each mandate (bulkVerify), as the
// single Verify button gives it, so the rules judge each, and the answer
// counts those verified and names each refused with the reason.

// bulkField marks the form that verifies many mandates.
const bulkField = "bulk"

// bulkVerify gives verify_mandate once for each mandate of the form: the
// ticked ones (field mandates), or with the button all (field all) those
// the list showed (field shown). A refusal does not stop the others. On a
// node of a cluster that does not write the assembly the whole form, body
// as it came, goes to the node that does (forwardForm), as a single form
// does, and its answer waits until this node has read what it recorded.
func (s *server) bulkVerify(w http.ResponseWriter, r *http.Request, a *engine.Assembly, l *i18n.Locale, sess *auth.Session, body []byte, back string, answer func(int, actResult)) {
	ids := r.PostForm["mandates"]
	if r.PostFormValue("all") != "" {
		ids = r.PostForm["shown"]
	}
	seen := map[string]bool{}
	var todo []string
	for _, id := range ids {
		if id = strings.TrimSpace(id); id != "" && !seen[id] {
			seen[id] = true
			todo = append(todo, id)
		}
	}
	if len(todo) == 0 {
		answer(http.StatusUnprocessableEntity, actResult{Error: l.T("web.bulk.none_chosen")})
		return
	}
	actor, key := actorOf(sess), r.PostFormValue("key")
	verified := 0
	var refused []string
	// last is the last entry recorded, for a node that forwarded the form
	// to this one to read as far before it answers (httpapi.SetRecorded).
	last := int64(-1)
	recorded := func() {
		if last >= 0 {
			httpapi.SetRecorded(w, r, last)
		}
	}
	for i, id := range todo {
		args, _ := json.Marshal(map[string]string{"mandate": id})
		env := assembly.Envelope{Cmd: "verify_mandate", Assembly: a.ID(), Actor: actor, At: s.opts.Now().UTC(), Args: args}
		if key != "" {
			env.Key = key + "/" + id
		}
		res, err := s.eng.Submit(r.Context(), env)
		if errors.Is(err, engine.ErrNotWriter) && i == 0 {
			s.forwardForm(w, r, a.ID(), body, err, func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Retry-After", "1")
				s.answer(w, r, a.ID(), back, http.StatusServiceUnavailable, actResult{Error: l.T("web.err.not_writer")})
			})
			return
		}
		if err == nil {
			last = max(last, httpapi.LastIndex(res))
		}
		if err != nil && env.Key != "" {
			if _, ok := sentBefore(a, actor, env.Key, err); ok {
				err = nil // the same form sent again: verified the first time
			}
		}
		var ae *assembly.Error
		switch {
		case err == nil:
			verified++
		case errors.As(err, &ae) && ae.Code != assembly.ErrCorrupt:
			a.Read(func(st *assembly.State) {
				who := id
				if m := st.Mandates[id]; m != nil {
					if n := personNamed(st, l, m.Person); n != "" {
						who = n
					}
				}
				refused = append(refused, l.T("web.bulk.refused_one", who, namedRefusal(r, st, ae)))
			})
		default:
			s.opts.Logger.Error("web: bulk verification stopped", "assembly", a.ID(), "err", err)
			msg := l.T("web.bulk.verified", verified) + " " + l.T("web.bulk.stopped", len(todo)-i)
			if len(refused) > 0 {
				msg += " " + l.T("web.bulk.refused", len(refused)) + " " + strings.Join(refused, " ")
			}
			recorded()
			answer(http.StatusServiceUnavailable, actResult{Error: isolatedMarks(msg)})
			return
		}
	}
	msg := l.T("web.bulk.verified", verified)
	if len(refused) > 0 {
		msg += " " + l.T("web.bulk.refused", len(refused)) + " " + strings.Join(refused, " ")
	}
	recorded()
	if verified == 0 {
		answer(http.StatusConflict, actResult{Error: isolatedMarks(msg)})
		return
	}
	answer(http.StatusOK, actResult{OK: true, Message: isolatedMarks(msg)})
}
