package engine

import (
	"context"
	"encoding/json"
	"slices"

	"plenum/assembly"
	"plenum/ledger"
	"plenum/tlogproof"
)

// SecretBallotReceipt returns a voter's receipt for their ballot in a
// closed secret vote: the tlog-proof of the sealed_ballots entry that
// carries the ballot's first vote, under its token or, for a ballot of
// several votes, under the first token derived from it
// (assembly.UnitTokens, assembly.BallotUnits), at the log's current
// checkpoint. It names no voter; tlogproof.VerifySecretBallot with Type
// "sealed_ballots" and the token the entry carries checks it offline
// (plenum verify --receipt with --token derives that from the token). It
// fails with an *assembly.Error: not found for an unknown vote or a token
// none of whose votes is among its sealed ballots, conflict while the
// vote is open or if it is not secret.
func SecretBallotReceipt(ctx context.Context, a *Assembly, vote, token string) ([]byte, error) {
	var entries []int64
	var rerr error
	a.Read(func(s *assembly.State) {
		v := s.Votes[vote]
		switch {
		case v == nil:
			rerr = refusal(assembly.ErrNotFound, "vote", "there is no vote %q", vote)
		case v.Method != "secret":
			rerr = refusal(assembly.ErrConflict, "vote", "the vote %s is not secret; its ballots are in the log with their voters", vote)
		case v.Status == assembly.VoteStatusOpen:
			rerr = refusal(assembly.ErrConflict, "vote", "the vote %s is still open; the receipt is given once it closes", vote)
		default:
			entries = append(entries, v.SealedEntries...)
		}
	})
	if rerr != nil {
		return nil, rerr
	}
	return sealedReceipt(ctx, a, vote, token, entries, func(payload []byte) bool {
		var sb assembly.SealedBallots
		if err := json.Unmarshal(payload, &sb); err != nil || sb.Vote != vote {
			return false
		}
		return assembly.BallotUnits(token, func(u string) bool {
			return slices.ContainsFunc(sb.Sealed, func(sc assembly.SealedChoice) bool { return sc.Token == u })
		}, 1) != nil
	})
}

// sealedReceipt is the receipt of the first of entries (the sealed
// ballots of the vote or election id) that carries, as carries says from
// its payload, a vote of the ballot with the token.
func sealedReceipt(ctx context.Context, a *Assembly, id, token string, entries []int64, carries func(payload []byte) bool) ([]byte, error) {
	if len(token) < assembly.MinBallotToken {
		return nil, refusal(assembly.ErrNotFound, "token", "no sealed ballot of %s has this token", id)
	}
	log := a.Log()
	cp := log.Checkpoint()
	c, err := ledger.ParseSignedCheckpoint(cp)
	if err != nil {
		return nil, err
	}
	for _, idx := range entries {
		if idx >= c.Size {
			continue
		}
		es, err := log.Read(ctx, idx, idx+1)
		if err != nil {
			return nil, err
		}
		if carries(es[0].Payload) {
			return entryReceipt(ctx, log, idx, cp, c.Size)
		}
	}
	return nil, refusal(assembly.ErrNotFound, "token", "no sealed ballot of %s has this token", id)
}

// EncryptedBallotReceipt returns a voter's receipt for an encrypted
// ballot, found by its tracker: the tlog-proof of the
// encrypted_ballot_cast entry that holds it, at the log's current
// checkpoint. The entry names the voter's mandate and holds only
// ciphertexts and proofs, so the receipt shows that the ballot is in the
// log, not how the voter voted; tlogproof.VerifyEncryptedBallot checks it
// offline. It fails with an *assembly.Error: not found for an unknown
// vote or tracker, conflict if the vote is not encrypted.
func EncryptedBallotReceipt(ctx context.Context, a *Assembly, vote, tracker string) ([]byte, error) {
	return encryptedReceipt(ctx, a, "vote", vote, tracker, func(s *assembly.State) *assembly.EncryptedVote {
		if v := s.Votes[vote]; v != nil {
			return v.Encrypted
		}
		return nil
	})
}

// EncryptedElectionBallotReceipt is EncryptedBallotReceipt for a ballot of
// an encrypted election.
func EncryptedElectionBallotReceipt(ctx context.Context, a *Assembly, election, tracker string) ([]byte, error) {
	return encryptedReceipt(ctx, a, "election", election, tracker, func(s *assembly.State) *assembly.EncryptedVote {
		if el := s.Elections[election]; el != nil {
			return el.Encrypted
		}
		return nil
	})
}

// encryptedReceipt finds the entry of the ballot with the tracker in the
// encrypted box box gives (what and id name it) and proves it.
func encryptedReceipt(ctx context.Context, a *Assembly, what, id, tracker string, box func(*assembly.State) *assembly.EncryptedVote) ([]byte, error) {
	idx := int64(-1)
	var rerr error
	a.Read(func(s *assembly.State) {
		found := what == "vote" && s.Votes[id] != nil || what == "election" && s.Elections[id] != nil
		ev := box(s)
		switch {
		case !found && what == "election":
			rerr = refusal(assembly.ErrNotFound, what, "there is no election %q", id)
		case !found:
			rerr = refusal(assembly.ErrNotFound, what, "there is no vote %q", id)
		case ev == nil && what == "election":
			rerr = refusal(assembly.ErrConflict, what, "the election %s is not encrypted", id)
		case ev == nil:
			rerr = refusal(assembly.ErrConflict, what, "the vote %s is not encrypted", id)
		default:
			for _, b := range ev.Cast {
				if b.Tracker == tracker {
					idx = b.Entry
				}
			}
		}
	})
	if rerr != nil {
		return nil, rerr
	}
	if idx < 0 {
		return nil, refusal(assembly.ErrNotFound, "tracker", "no ballot of %s has the tracker %q", id, tracker)
	}
	return EntryReceipt(ctx, a, idx)
}

// EntryReceipt returns the tlog-proof of the assembly's log entry idx at
// the log's current checkpoint, which plenum verify --receipt checks
// offline. An entry the checkpoint does not cover is not found.
func EntryReceipt(ctx context.Context, a *Assembly, idx int64) ([]byte, error) {
	log := a.Log()
	cp := log.Checkpoint()
	c, err := ledger.ParseSignedCheckpoint(cp)
	if err != nil {
		return nil, err
	}
	if idx < 0 || idx >= c.Size {
		return nil, refusal(assembly.ErrNotFound, "entry", "entry %d is not in the log's checkpoint of size %d", idx, c.Size)
	}
	return entryReceipt(ctx, log, idx, cp, c.Size)
}

// entryReceipt makes the receipt of entry idx at the signed checkpoint cp
// of the given size: the entry's bytes and its inclusion proof.
func entryReceipt(ctx context.Context, log *ledger.Log, idx int64, cp []byte, size int64) ([]byte, error) {
	raw, err := log.Raw(ctx, idx, idx+1)
	if err != nil {
		return nil, err
	}
	proof, err := log.InclusionProof(ctx, idx, size)
	if err != nil {
		return nil, err
	}
	return tlogproof.NewReceipt(idx, raw[0], proof, cp), nil
}
