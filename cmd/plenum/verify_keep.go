package main

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"plenum/ledger"
	"plenum/remote"
)

// keepCopy is the end of plenum verify --url --keep DIR once the log
// verified: what the verification fetched (a.keeper's) is moved into
// DIR, laid out as the server serves the log under log/<id>/, the
// checkpoint verified last. A copy DIR holds already must be of the same
// log — its origin, signed by keys (--key) — and the log verified must
// extend it, proved from the tiles the verification fetched
// (remote.Keeper.Extends): a server that rewrote its history, or shows
// another one, and signed it with its key does not replace the copy.
// Otherwise nothing is written, with exit status 1.
func keepCopy(ctx context.Context, env *cliEnv, a remoteVerify, res *remote.Result, keys *keyCheck) error {
	l := env.locale()
	old, err := a.keeper.Kept()
	if err != nil {
		return &exitError{code: 1, msg: l.T("cli.verify.keep_unreadable", a.keep, err)}
	}
	if old != nil {
		cp, err := ledger.ParseSignedCheckpoint(old)
		if err != nil {
			return &exitError{code: 1, msg: l.T("cli.verify.keep_unreadable", a.keep, err)}
		}
		if cp.Origin != res.Checkpoint.Origin {
			return &exitError{code: 1, msg: l.T("cli.verify.keep_other", a.keep, shown(cp.Origin), shown(res.Checkpoint.Origin))}
		}
		// The copy's checkpoint is checked against the key alone, not
		// against keys, whose record of the keys met is the log's.
		kc := &keyCheck{key: keys.key, v: keys.v}
		if _, _, err := ledger.OpenCheckpoint(old, kc); err != nil {
			if by := kc.signers(); by != "" {
				return &exitError{code: 1, msg: l.T("cli.verify.keep_key", a.keep, fmt.Sprintf("%s+%08x", kc.v.Name(), kc.v.KeyHash()), by)}
			}
			return &exitError{code: 1, msg: l.T("cli.verify.keep_unreadable", a.keep, err)}
		}
		now := res.Checkpoint
		if err := a.keeper.Extends(ctx, cp, now); err != nil {
			trees := []any{a.keep, strconv.FormatInt(now.Size, 10), now.Hash.String(), strconv.FormatInt(cp.Size, 10), cp.Hash.String()}
			if errors.Is(err, remote.ErrNotExtended) {
				return &exitError{code: 1, msg: l.T("cli.verify.keep_not_extended", trees...), cause: err}
			}
			return &exitError{code: 1, msg: l.T("cli.verify.keep_unproved", append(trees, err)...), cause: err}
		}
	}
	if err := a.keeper.Commit(res.Signed); err != nil {
		return &exitError{code: 1, msg: l.T("cli.verify.keep_failed", a.keep, err)}
	}
	fmt.Fprintln(env.stdout, l.T("cli.verify.kept", a.keep, strconv.FormatInt(res.Checkpoint.Size, 10), a.keep))
	return nil
}
