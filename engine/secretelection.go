package engine

import (
	"context"
	crand "crypto/rand"
	"encoding/json"
	"fmt"
	"slices"

	"plenum/assembly"
	"plenum/ledger"
)

// A secret election's ballots wait in the ballot box as a secret vote's
// do (box.go), in the box assembly.ElectionBox names, padded to one size
// for the whole election (electionPad), and enter the log at the close,
// shuffled, each vote under its token (assembly.UnitTokens).

// prepareElection completes a command of a secret election with what
// plenum, not the client, gives: a ballot's token (returned, to be handed
// back to the voter), and the sealed ballots of an election being
// closed, read from its box and pending, this batch's not yet stored.
func (a *Assembly) prepareElection(cmd assembly.Command, pending []ledger.SealedBallot) (assembly.Command, string, error) {
	switch c := cmd.(type) {
	case assembly.CastElectionBallot:
		el := a.state.Elections[c.Election]
		if el == nil || !el.Secret {
			return cmd, "", nil // Decide refuses a token outside a secret election
		}
		if c.Token != "" {
			return nil, "", refusal(assembly.ErrInvalid, "token", "plenum makes a secret ballot's token; leave token out")
		}
		c.Token = crand.Text()
		return c, c.Token, nil
	case assembly.CloseElection:
		el := a.state.Elections[c.Election]
		if el == nil || !el.Secret {
			return cmd, "", nil
		}
		if len(c.Sealed) > 0 {
			return nil, "", refusal(assembly.ErrInvalid, "sealed", "plenum fills in a secret election's sealed ballots from its ballot box; leave sealed out")
		}
		if el.Status != assembly.ElectionStatusOpen {
			return cmd, "", nil // Decide says why not
		}
		name := assembly.ElectionBox(c.Election)
		box, err := a.log.SealedBallots(context.Background(), name)
		if err != nil {
			return nil, "", fmt.Errorf("engine: %s: reading the ballot box of the election %s: %w", a.id, c.Election, err)
		}
		for _, b := range pending {
			if b.Box == name {
				box = append(box, b)
			}
		}
		if len(box) != len(el.Ballots) {
			return nil, "", fmt.Errorf("engine: %s: the ballot box of the election %s holds %d ballots, the record %d voters", a.id, c.Election, len(box), len(el.Ballots))
		}
		for _, b := range box {
			d, err := openBallot(a.boxSecret, a.log.Origin(), name, b)
			if err != nil {
				return nil, "", fmt.Errorf("engine: %s: a ballot in the box of the election %s cannot be read: %w", a.id, c.Election, err)
			}
			for _, t := range unitTokens(d.Token, max(d.Weight, 1)) {
				c.Sealed = append(c.Sealed, assembly.SealedElectionBallot{Token: t, Ranking: d.Ranking, Approve: d.Approve, List: d.List})
			}
		}
		shuffle(c.Sealed)
		return c, "", nil
	}
	return cmd, "", nil
}

// sealedElectionBallot is the ballot-box row of an accepted ballot of a
// secret election: its box, token, ballot and weight, never its voter,
// sealed and padded to the election's one size.
func (a *Assembly) sealedElectionBallot(c assembly.CastElectionBallot, evs []assembly.Event) (*ledger.SealedBallot, error) {
	weight := 1
	for _, ev := range evs {
		if bc, ok := ev.(assembly.ElectionBallotCast); ok {
			weight = max(bc.Ballot.Weight, 1)
		}
	}
	el := a.state.Elections[c.Election]
	if el == nil {
		return nil, fmt.Errorf("engine: %s: no election %s to seal a ballot of", a.id, c.Election)
	}
	d := sealedBallotData{Vote: assembly.ElectionBox(c.Election), Token: c.Token, Weight: weight, Ranking: c.Ranking, Approve: c.Approve, List: c.List}
	sb, err := sealBallotIn(a.boxSecret, a.log.Origin(), d, electionPad(el))
	if err != nil {
		return nil, err
	}
	return &sb, nil
}

// electionPad is the size every ballot of the secret election el is
// padded to in the box: room for the longest ballot it takes (every
// candidate ranked or approved, the longest list's id, the longest
// token, the largest weight), rounded up to a multiple of boxPlain. The
// candidates and lists are fixed once the first ballot is cast
// (nominate is refused then), so it is one size for every ballot of the
// election, whatever it holds.
func electionPad(el *assembly.Election) int {
	n := len(`{"vote":"","token":"","choice":"","weight":,"ranking":[],"approve":[],"list":""}`) +
		len(assembly.ElectionBox(el.ID)) + assembly.MaxBallotToken + 20 + 2
	seen := map[string]bool{}
	count := func(id string) {
		if !seen[id] {
			seen[id] = true
			n += len(id) + 3
		}
	}
	for _, c := range el.Candidates {
		count(c)
	}
	longest := 0
	for _, l := range el.Lists {
		longest = max(longest, len(l.ID))
		for _, c := range l.Candidates {
			count(c)
		}
	}
	n += longest
	return (n + boxPlain - 1) / boxPlain * boxPlain
}

// electionBoxEmptied is the box of the election id if it is secret: the
// box its close or withdrawal empties.
func (a *Assembly) electionBoxEmptied(id string) []string {
	if el := a.state.Elections[id]; el != nil && el.Secret {
		return []string{assembly.ElectionBox(id)}
	}
	return nil
}

// SecretElectionBallotReceipt is SecretBallotReceipt for a ballot of a
// closed secret election: the tlog-proof of the sealed_election_ballots
// entry that carries the ballot's first vote, at the log's current
// checkpoint. It names no voter. It fails with an *assembly.Error: not
// found for an unknown election or a token none of whose votes is among
// its sealed ballots, conflict while it is open or if it is not secret.
func SecretElectionBallotReceipt(ctx context.Context, a *Assembly, election, token string) ([]byte, error) {
	var entries []int64
	var rerr error
	a.Read(func(s *assembly.State) {
		el := s.Elections[election]
		switch {
		case el == nil:
			rerr = refusal(assembly.ErrNotFound, "election", "there is no election %q", election)
		case !el.Secret:
			rerr = refusal(assembly.ErrConflict, "election", "the election %s is not secret; its ballots are in the log with their voters", election)
		case el.Status == assembly.ElectionStatusOpen:
			rerr = refusal(assembly.ErrConflict, "election", "the election %s is still open; the receipt is given once it closes", election)
		default:
			entries = append(entries, el.SealedEntries...)
		}
	})
	if rerr != nil {
		return nil, rerr
	}
	return sealedReceipt(ctx, a, election, token, entries, func(payload []byte) bool {
		var sb assembly.ElectionBallotsSealed
		if err := json.Unmarshal(payload, &sb); err != nil || sb.Election != election {
			return false
		}
		return assembly.BallotUnits(token, func(u string) bool {
			return slices.ContainsFunc(sb.Sealed, func(b assembly.SealedElectionBallot) bool { return b.Token == u })
		}, 1) != nil
	})
}
