package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"slices"
	"time"

	"plenum/assembly"
	"plenum/engine"
	"plenum/i18n"
	"plenum/ledger"
	"plenum/remote"
	"plenum/tlogproof"
	"plenum/witness"
)

// receiptSubject is the vote or election a receipt's entry is about: the
// string its payload gives as "vote" (kind "vote") or "election"; kind
// is "" for an entry about neither.
func receiptSubject(entry []byte) (kind, id string) {
	e, _, err := ledger.DecodeEntry(entry)
	if err != nil {
		return "", ""
	}
	var p struct {
		Vote     string `json:"vote"`
		Election string `json:"election"`
	}
	if json.Unmarshal(e.Payload, &p) != nil {
		return "", ""
	}
	switch {
	case p.Vote != "":
		return "vote", p.Vote
	case p.Election != "":
		return "election", p.Election
	}
	return "", ""
}

// voteLog is what plenum verify --receipt --url reads from the log of
// the vote or election a receipt's entry is about: the assembly's state
// at the log's checkpoint, which names them, and the sealed votes of
// all a secret vote's sealed_ballots entries.
type voteLog struct {
	st     *assembly.State
	vote   string                // the secret vote (or election) whose sealed votes are kept
	typ    string                // the type of the entries that carry them
	raw    map[int64][]byte      // every sealed entry read, by index, until typ is known
	sealed map[string]sealedPick // its sealed votes' choices by token
	entry  map[string]int64      // the entry of each
	// replayed is how many entries of the log were verified and
	// replayed.
	replayed int64
}

// readVoteLog verifies the log at url as plenum verify --url does (the
// checkpoint of origin, signed by keys and meeting policy, every hash,
// every event replayed and every payload fetched), within timeout (0 for
// no limit), and returns what it holds of the vote (the sealed votes of
// vote, if not empty) and the state that names it. Its error is an
// *exitError: 1 for a log that does not verify, 4 when time ran out.
func readVoteLog(ctx context.Context, env *cliEnv, url string, keys *keyCheck, policy *witness.Policy, origin, vote string, timeout time.Duration) (*voteLog, error) {
	l := env.locale()
	ctx, cancel := withVerifyTimeout(ctx, timeout)
	defer cancel()
	client := remote.HTTPClientFor(url, time.Minute)
	r := engine.NewReplayer()
	replay := remoteReplayInto(ctx, l, url, client, r)
	vl := &voteLog{vote: vote, sealed: map[string]sealedPick{}, entry: map[string]int64{}, raw: map[int64][]byte{}}
	opts := remote.Options{LogKeys: keys, Origin: origin, Policy: policy, Client: client, Replay: func(index int64, data []byte) error {
		vl.add(index, data)
		return replay(index, data)
	}}
	bar := newProgressBar(env.stderr, l)
	opts.Progress = bar.update
	res, err := remote.Verify(ctx, url, opts)
	bar.finish()
	if ee := verifyTimedOut(l, remoteVerify{url: url, timeout: timeout}, err); ee != nil {
		return nil, ee
	}
	if errors.Is(err, remote.ErrRefused) {
		return nil, &exitError{code: 1, msg: l.T("cli.remote.refused", url, err)}
	}
	if err != nil {
		return nil, &exitError{code: 1, msg: l.T("cli.about", url, err)}
	}
	vl.st, vl.replayed = r.State(remoteOrigin), res.Entries
	return vl, nil
}

// add keeps the sealed votes of entry index if it is a sealed_ballots
// entry of vl.vote.
func (vl *voteLog) add(index int64, data []byte) {
	if vl.vote == "" || sealedType(data) == "" {
		return
	}
	if vote, _ := sealedChoices(data); vote == vl.vote {
		vl.raw[index] = bytes.Clone(data)
	}
}

// sealedOf keeps the sealed votes of the entries of type typ read for
// vl.vote (a vote's and an election's ids may be alike): those of the
// receipt's entry. It returns nil.
func (vl *voteLog) sealedOf(typ string) error {
	vl.typ = typ
	for index, data := range vl.raw {
		if sealedType(data) != typ {
			continue
		}
		_, choices := sealedChoices(data)
		for tok, choice := range choices {
			vl.sealed[tok], vl.entry[tok] = choice, index
		}
	}
	vl.raw = nil
	return nil
}

// name is how plenum verify names the vote or election (kind) id: as the
// pages do, a vote by its question (its motion's or its alternatives'
// title), an election by its title, in the reader's quotation marks with
// the id after it, for reference; by its id alone when vl is nil (no
// --url) or the log has no such vote.
func (vl *voteLog) name(l *i18n.Locale, kind, id string) string {
	if vl == nil || vl.st == nil {
		return id
	}
	var title string
	switch kind {
	case "vote":
		if v := vl.st.Votes[id]; v != nil {
			title = vl.st.VoteQuestion(v)
		}
	case "election":
		if el := vl.st.Elections[id]; el != nil {
			title = el.Title
		}
	}
	if title == "" || title == id {
		return id
	}
	return l.T("cli.verify.named", title, id)
}

// units returns the votes of the ballot with token among all the vote's
// sealed votes (assembly.BallotUnits), their choice, whether they all
// hold it (one is false when they do not), and the runs of the entries
// that carry them.
func (vl *voteLog) units(l *i18n.Locale, token string) (n int, choice sealedPick, one bool, entries string) {
	units := assembly.BallotUnits(token, func(t string) bool { _, ok := vl.sealed[t]; return ok }, unitsLooked)
	one = len(units) > 0
	for i, u := range units {
		if i > 0 && !vl.sealed[u].same(choice) {
			choice, one = sealedPick{}, false
			break
		}
		choice = vl.sealed[u]
	}
	var idx []int64
	for _, u := range units {
		idx = append(idx, vl.entry[u])
	}
	slices.Sort(idx)
	idx = slices.Compact(idx)
	var runs []tlogproof.Range
	for _, i := range idx {
		if k := len(runs) - 1; k >= 0 && runs[k].To+1 == i {
			runs[k].To = i
		} else {
			runs = append(runs, tlogproof.Range{From: i, To: i})
		}
	}
	return len(units), choice, one, indexRuns(l, runs)
}
