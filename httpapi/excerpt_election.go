package httpapi

import (
	"net/http"

	"plenum/assembly"
)

// electionSteps are the entries of an election the minutes do not show
// (the state's Record holds its opening, declaration and withdrawal
// only): the candidates nominated, every ballot, the close with its
// seed, and for an encrypted election every step of its count — the key
// ceremony, the encrypted ballots, the sum or a ranked election's
// shuffle, the trustees' partial decryptions and the totals derived.
var electionSteps = map[string]bool{
	"candidate_nominated": true, "election_ballot_cast": true, "election_closed": true, "sealed_election_ballots": true,
	"trustee_key_posted": true, "dealing_posted": true, "confirmation_posted": true, "election_key_derived": true,
	"encrypted_ballot_cast": true, "encrypted_tallied": true, "encrypted_shuffled": true,
	"partial_decryption_posted": true, "encrypted_result_derived": true,
}

// electionExcerpt serves a certified excerpt of one election: every
// entry of it — its opening (the method, the seats, the candidates or
// lists, who may vote), the nominations, every ballot, the close, the
// declaration of the elected or the withdrawal, and for an encrypted
// election every step of its count — each with its inclusion proof
// against the latest signed checkpoint, so that plenum verify --excerpt
// can count the election again from its ballots. Who may read the
// record may read its excerpts.
func (api *API) electionExcerpt(w http.ResponseWriter, r *http.Request) {
	a, ok := api.assemblyOf(w, r)
	if !ok || !api.mayRead(w, r, a) {
		return
	}
	id := r.PathValue("election")
	var (
		title   string
		indexes []int64
		scan    = countScan{Field: "election", ID: id, Types: electionSteps, From: -1, To: -1}
	)
	a.Read(func(s *assembly.State) {
		el := s.Elections[id]
		if el == nil {
			return
		}
		title = s.Assembly.Name + ": " + el.Title
		for _, re := range s.Record {
			if re.Ref != id {
				continue
			}
			switch re.Kind {
			case "election_opened":
				scan.From = int64(re.Entry)
			case "election_declared", "election_withdrawn":
				scan.To = int64(re.Entry)
			default:
				continue
			}
			indexes = append(indexes, int64(re.Entry))
		}
	})
	if title == "" {
		api.fail(w, r, notFound("there is no election %q", id))
		return
	}
	var scans []countScan
	if scan.From >= 0 {
		scans = append(scans, scan)
	}
	api.serveExcerpt(w, r, a, title, "excerpt-"+a.ID()+"-"+id+".json", indexes, scans)
}
