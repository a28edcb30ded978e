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

// excerpt serves a certified excerpt of the minutes: every entry the
// motion's fate rests on (motionEntries), each with its inclusion proof
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
		indexes = motionEntries(s, id)
		votes := map[string]bool{}
		for _, mid := range motionFamily(s, id) {
			for _, v := range s.Motions[mid].Votes {
				votes[v] = true
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

// motionFamily is the motion id, its amendments at every degree and the
// motions to reconsider a vote on any of them (and theirs), in the
// order they were made.
func motionFamily(s *assembly.State, id string) []string {
	ids := map[string]bool{id: true}
	votes := map[string]bool{}
	for _, v := range s.Motions[id].Votes {
		votes[v] = true
	}
	for grew := true; grew; {
		grew = false
		for _, mid := range s.MotionOrder {
			m := s.Motions[mid]
			if m == nil || ids[mid] || !ids[m.Amends] && !votes[m.Reconsiders] {
				continue
			}
			ids[mid], grew = true, true
			for _, v := range m.Votes {
				votes[v] = true
			}
		}
	}
	out := make([]string, 0, len(ids))
	for _, mid := range s.MotionOrder {
		if ids[mid] {
			out = append(out, mid)
		}
	}
	if !slices.Contains(out, id) {
		out = append(out, id)
	}
	return out
}

// motionEntries are the entries of the log a motion's fate rests on, as
// the state holds them: for the motion and each motion of its family
// (motionFamily: its amendments, the motions to reconsider its votes)
// the entries of the minutes about it (its submission or moving, its
// admission, its text changed, its withdrawal or disposal, its
// resolution as carried) and every entry that names it (its seconding,
// Motion.Entries), and for every vote on any of them every entry that
// names the vote (Vote.Entries: its opening, every ballot, its close,
// the sealed ballots, every count entered, its declaration or
// withdrawal); and the corrections of any of these entries. Sorted, each
// once.
func motionEntries(s *assembly.State, id string) []int64 {
	ids := map[string]bool{}
	var out []int64
	for _, mid := range motionFamily(s, id) {
		ids[mid] = true
		mo := s.Motions[mid]
		out = append(out, mo.Entries...)
		for _, vid := range mo.Votes {
			ids[vid] = true
			if v := s.Votes[vid]; v != nil {
				out = append(out, v.Entries...)
			}
		}
	}
	have := map[int64]bool{}
	for _, e := range out {
		have[e] = true
	}
	for _, re := range s.Record {
		if ids[re.Ref] {
			out = append(out, int64(re.Entry))
			have[int64(re.Entry)] = true
		}
	}
	// A correction of an entry shown is shown too.
	for _, re := range s.Record {
		if !have[int64(re.Entry)] {
			continue
		}
		for _, p := range re.Corrected {
			if p >= 0 && p < len(s.Record) {
				out = append(out, int64(s.Record[p].Entry))
			}
		}
	}
	return mergeIndexes(out, nil)
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
