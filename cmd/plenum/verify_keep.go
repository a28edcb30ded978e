package main

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"golang.org/x/mod/sumdb/tlog"

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
// Otherwise nothing is written, with exit status 1. keepFirst refused
// most such logs before the check downloaded them; this is the proof for
// the checkpoint verified, which may be newer.
func keepCopy(ctx context.Context, env *cliEnv, a remoteVerify, res *remote.Result, keys *keyCheck) error {
	extends := func(kept, now ledger.Checkpoint) error { return a.keeper.Extends(ctx, kept, now) }
	if err := keptExtended(env, a, res.Checkpoint, keys, extends); err != nil {
		return err
	}
	l := env.locale()
	if err := a.keeper.Commit(res.Signed); err != nil {
		return &exitError{code: 1, msg: l.T("cli.verify.keep_failed", a.keep, err)}
	}
	// The command to check the copy carries the key written out, as the
	// record page's do: the copy may outlive the file --key named.
	fmt.Fprintln(env.stdout, l.T("cli.verify.kept", a.keep, strconv.FormatInt(res.Checkpoint.Size, 10), a.keep, keys.key))
	return nil
}

// keepFirst is the start of plenum verify --url --keep DIR when DIR
// holds a copy: before the entries are downloaded, the server's
// checkpoint, signed by keys, is checked against the copy as keepCopy
// checks the one verified (keptExtended), the proof that it extends the
// copy made from the few tiles it needs, fetched outside the stage. A
// fork, a log of another origin or a copy signed by another key is so
// refused after a handful of requests, not after the whole log. A
// checkpoint that cannot be read or is not signed by keys, or tiles that
// cannot be fetched or do not make its tree, are left to the check,
// which names what is wrong with them; and as the server may sign a
// newer checkpoint meanwhile, keepCopy proves the one verified again.
func keepFirst(ctx context.Context, env *cliEnv, a remoteVerify, keys *keyCheck) error {
	if old, err := a.keeper.Kept(); err != nil || old == nil {
		return nil // no copy yet, or one keepCopy names as unreadable
	}
	c := remote.NewClient(a.url, remote.HTTPClientFor(a.url, time.Minute))
	signed, err := c.Checkpoint(ctx)
	if err != nil {
		return nil
	}
	now, err := remote.OpenCheckpoint(signed, &keyCheck{key: keys.key, v: keys.v}, "")
	if err != nil {
		return nil
	}
	extends := func(kept, now ledger.Checkpoint) error {
		if kept.Size <= 0 || kept.Size >= now.Size {
			return a.keeper.Extends(ctx, kept, now) // no tile needed
		}
		hr := c.HashReader(ctx, tlog.Tree{N: now.Size, Hash: now.Hash})
		proof, err := tlog.ProveTree(now.Size, kept.Size, hr)
		if err != nil {
			return nil // tiles not fetched or not the tree's: the check names it
		}
		if err := tlog.CheckTree(proof, now.Size, now.Hash, kept.Size, kept.Hash); err != nil {
			return fmt.Errorf("%w: %v", remote.ErrNotExtended, err)
		}
		return nil
	}
	return keptExtended(env, a, now, keys, extends)
}

// keptExtended checks the copy in a.keep, if it holds one, against the
// checkpoint now of the log: the copy must be of the same origin, its
// checkpoint signed by keys' key, and now's tree must extend it, as
// extends proves. It returns the refusal, with exit status 1, naming both
// trees when now does not extend the copy.
func keptExtended(env *cliEnv, a remoteVerify, now ledger.Checkpoint, keys *keyCheck, extends func(kept, now ledger.Checkpoint) error) error {
	l := env.locale()
	old, err := a.keeper.Kept()
	if err != nil {
		return &exitError{code: 1, msg: l.T("cli.verify.keep_unreadable", a.keep, err)}
	}
	if old == nil {
		return nil
	}
	cp, err := ledger.ParseSignedCheckpoint(old)
	if err != nil {
		return &exitError{code: 1, msg: l.T("cli.verify.keep_unreadable", a.keep, err)}
	}
	if cp.Origin != now.Origin {
		return &exitError{code: 1, msg: l.T("cli.verify.keep_other", a.keep, shown(cp.Origin), shown(now.Origin))}
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
	if err := extends(cp, now); err != nil {
		trees := []any{a.keep, strconv.FormatInt(now.Size, 10), now.Hash.String(), strconv.FormatInt(cp.Size, 10), cp.Hash.String()}
		if errors.Is(err, remote.ErrNotExtended) {
			return &exitError{code: 1, msg: l.T("cli.verify.keep_not_extended", trees...), cause: err}
		}
		return &exitError{code: 1, msg: l.T("cli.verify.keep_unproved", append(trees, err)...), cause: err}
	}
	return nil
}
