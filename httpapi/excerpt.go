package httpapi

import (
	"fmt"
	"net/http"

	"plenum/assembly"
	"plenum/ledger"
	"plenum/tlogproof"
)

// excerpt serves a certified excerpt of the minutes: every entry of the
// record about one motion — its submission or moving, its amendments, its
// disposal, its resolution as carried — and about the votes on them, each with its inclusion proof
// against the latest signed checkpoint (tlogproof's plenum.excerpt/v1
// file). Anyone can check it offline with plenum verify --excerpt. Who
// may read the record may read its excerpts.
func (api *API) excerpt(w http.ResponseWriter, r *http.Request) {
	a, ok := api.assemblyOf(w, r)
	if !ok || !api.mayRead(w, r, a) {
		return
	}
	id := r.PathValue("motion")
	var (
		title   string
		indexes []int64
	)
	a.Read(func(s *assembly.State) {
		mo := s.Motions[id]
		if mo == nil {
			return
		}
		title = s.Assembly.Name + ": " + mo.Title
		// The motion, its amendments at every degree, and the votes on
		// them: enough to apply the carried changes again, and the
		// resolution as carried (resolution_consolidated) that says it.
		ids := map[string]bool{id: true}
		for grew := true; grew; {
			grew = false
			for _, mid := range s.MotionOrder {
				if a := s.Motions[mid]; !ids[mid] && ids[a.Amends] {
					ids[mid], grew = true, true
				}
			}
		}
		votes := map[string]bool{}
		for mid := range ids {
			for _, v := range s.Motions[mid].Votes {
				votes[v] = true
			}
		}
		for _, re := range s.Record {
			if ids[re.Ref] || votes[re.Ref] {
				indexes = append(indexes, int64(re.Entry))
			}
		}
	})
	if title == "" {
		api.fail(w, r, notFound("there is no motion %q", id))
		return
	}
	// Every entry the state holds is durable, so the checkpoint taken now
	// covers them all.
	cp := a.Log().Checkpoint()
	c, err := ledger.ParseSignedCheckpoint(cp)
	if err != nil {
		api.fail(w, r, err)
		return
	}
	entries := make([]tlogproof.ExcerptEntry, 0, len(indexes))
	for _, idx := range indexes {
		raw, err := a.Log().Raw(r.Context(), idx, idx+1)
		if err != nil {
			api.fail(w, r, err)
			return
		}
		p, err := a.Log().InclusionProof(r.Context(), idx, c.Size)
		if err != nil {
			api.fail(w, r, err)
			return
		}
		entries = append(entries, tlogproof.ExcerptEntry{Index: idx, Data: raw[0], Proof: p})
	}
	file, err := tlogproof.BuildExcerpt(title, cp, entries)
	if err != nil {
		api.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", "excerpt-"+a.ID()+"-"+id+".json"))
	w.Header().Set("Cache-Control", "no-store")
	w.Write(file)
}
