package httpapi

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"

	"plenum/assembly"
	"plenum/engine"
	"plenum/ledger"
	"plenum/tlogproof"
)

// excerpt serves a certified excerpt of the minutes: every entry of the
// record about one motion — its submission or moving, its amendments, its
// disposal, its resolution as carried — and about the votes on them, each with its inclusion proof
// against the latest signed checkpoint (tlogproof's plenum.excerpt/v1
// file). Anyone can check it offline with plenum verify --excerpt. Who
// may read the record may read its excerpts. The excerpt of a motion
// decided by an encrypted vote also holds every entry of its count (see
// countEntries), so that the count can be checked from it, not only its
// declaration.
func (api *API) excerpt(w http.ResponseWriter, r *http.Request) {
	a, ok := api.assemblyOf(w, r)
	if !ok || !api.mayRead(w, r, a) {
		return
	}
	id := r.PathValue("motion")
	var (
		title   string
		indexes []int64
		scans   []countScan
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
		scans = encryptedScans(s, votes)
	})
	if title == "" {
		api.fail(w, r, notFound("there is no motion %q", id))
		return
	}
	api.serveExcerpt(w, r, a, title, "excerpt-"+a.ID()+"-"+id+".json", indexes, scans)
}

// serveExcerpt serves the certified excerpt titled title, saved as name:
// the entries indexes and those the scans find (countEntries), each with
// its inclusion proof against the latest signed checkpoint, and the
// payloads of those stored beside the log.
func (api *API) serveExcerpt(w http.ResponseWriter, r *http.Request, a *engine.Assembly, title, name string, indexes []int64, scans []countScan) {
	// Every entry the state holds is durable, so the checkpoint taken now
	// covers them all.
	cp := a.Log().Checkpoint()
	c, err := ledger.ParseSignedCheckpoint(cp)
	if err != nil {
		api.fail(w, r, err)
		return
	}
	more, err := countEntries(r.Context(), a.Log(), scans, c.Size)
	if err != nil {
		api.fail(w, r, err)
		return
	}
	indexes = mergeIndexes(indexes, more)
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
		x := tlogproof.ExcerptEntry{Index: idx, Data: raw[0], Proof: p}
		if _, ref, err := ledger.DecodeEntry(raw[0]); err == nil && ref != nil {
			// Its payload is stored beside the log: the excerpt carries
			// it, read and checked against its SHA-256.
			es, err := a.Log().Read(r.Context(), idx, idx+1)
			if err != nil {
				api.fail(w, r, err)
				return
			}
			x.Payload = es[0].Payload
		}
		entries = append(entries, x)
	}
	file, err := tlogproof.BuildExcerpt(title, cp, entries)
	if err != nil {
		api.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", name))
	w.Header().Set("Cache-Control", "no-store")
	w.Write(file)
}

// countScan is a run of entries, From to To (both included; To -1 for
// up to the checkpoint), that holds the steps of the vote or election ID
// the minutes do not show: the entries of a type among Types whose Field
// ("vote" or "election") is ID.
type countScan struct {
	Field, ID string
	Types     map[string]bool
	From, To  int64
}

// countEvents are the entries of an encrypted vote's count that the
// minutes do not show (the state's Record has none of them): the key
// ceremony, the ballots, the close, the encrypted sum, the trustees'
// partial decryptions and the counts derived from them.
var countEvents = map[string]bool{
	"trustee_key_posted": true, "dealing_posted": true, "confirmation_posted": true, "election_key_derived": true,
	"encrypted_ballot_cast": true, "vote_closed": true, "encrypted_tallied": true,
	"partial_decryption_posted": true, "encrypted_result_derived": true,
}

// encryptedScans are the runs of the log that hold the counts of the
// encrypted votes among votes: from the vote's opening to the last entry
// the minutes show of it once it is declared or withdrawn, or up to the
// checkpoint while its count is under way.
func encryptedScans(s *assembly.State, votes map[string]bool) []countScan {
	var out []countScan
	for id := range votes {
		v := s.Votes[id]
		if v == nil || v.Encrypted == nil {
			continue
		}
		sc := countScan{Field: "vote", ID: id, Types: countEvents, From: -1, To: -1}
		for _, re := range s.Record {
			if re.Ref != id {
				continue
			}
			if sc.From < 0 && re.Kind == "vote_opened" {
				sc.From = int64(re.Entry)
			}
			if v.Result != nil || v.Status == assembly.VoteStatusWithdrawn {
				sc.To = int64(re.Entry)
			}
		}
		if sc.From >= 0 {
			out = append(out, sc)
		}
	}
	return out
}

// countEntries returns the indexes of the entries the scans find among
// the first size entries of the log: the steps of a count the minutes
// leave out (countEvents, electionSteps). Every ballot
// is among them, not only their sum: the sum is checked by adding the
// ballots again, and each voter can find their ballot's tracker there.
func countEntries(ctx context.Context, l *ledger.Log, scans []countScan, size int64) ([]int64, error) {
	const chunk = 1000
	var out []int64
	for _, sc := range scans {
		to := sc.To
		if to < 0 || to >= size {
			to = size - 1
		}
		for from := sc.From; from <= to; from += chunk {
			es, err := l.Read(ctx, from, min(from+chunk, to+1))
			if err != nil {
				return nil, err
			}
			for _, e := range es {
				if !sc.Types[e.Type] {
					continue
				}
				var p struct {
					Vote     string `json:"vote"`
					Election string `json:"election"`
				}
				if json.Unmarshal(e.Payload, &p) != nil {
					continue
				}
				id := p.Vote
				if sc.Field == "election" {
					id = p.Election
				}
				if id == sc.ID {
					out = append(out, e.Index)
				}
			}
		}
	}
	return out, nil
}

// mergeIndexes returns the indexes of a and b, sorted, each once.
func mergeIndexes(a, b []int64) []int64 {
	out := slices.Concat(a, b)
	slices.Sort(out)
	return slices.Compact(out)
}
