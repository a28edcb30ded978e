package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/mod/sumdb/note"

	"plenum/ledger"
	"plenum/remote"
	"plenum/witness"
)

// runVerifyRemote is plenum verify --url: it verifies the log served at url
// as any tlog client would (see package remote): the checkpoint's signature
// by vkey, the cosignatures of all the witnesses (verifier keys, or files
// holding them), the consistency with the checkpoint saved in the file
// since, every record and tree hash, and, if replay is not nil, every event
// replayed. A progress bar is drawn on large logs.
//
// If since is not empty, the file is created with the checkpoint verified
// when it does not exist, and replaced with it after a successful check:
// it is the checkpoint remembered for the next visit.
//
// It returns an *exitError with code 1 naming the first problem, or code 2
// for unusable arguments.
func runVerifyRemote(ctx context.Context, env *cliEnv, url, vkey string, witnesses []string, since string, replay func(index int64, data []byte) error) error {
	return verifyRemote(ctx, env, remoteVerify{url: url, vkey: vkey, witnesses: witnesses, since: since, replay: replay})
}

// remoteVerify holds the arguments of a remote verification.
type remoteVerify struct {
	url       string
	vkey      string
	witnesses []string
	quorum    int // cosignatures needed; 0 means all the witnesses
	since     string
	replay    func(index int64, data []byte) error
}

func verifyRemote(ctx context.Context, env *cliEnv, a remoteVerify) error {
	usage := func(format string, args ...any) error {
		return &exitError{code: 2, msg: fmt.Sprintf(format, args...)}
	}
	if !strings.HasPrefix(a.url, "http://") && !strings.HasPrefix(a.url, "https://") {
		return usage("--url %q: give the log's http:// or https:// address (its tlog-tiles prefix)", a.url)
	}
	if a.vkey == "" {
		return usage("give --key, the log's verifier key: without it nothing can be checked")
	}
	key, err := keyArg(a.vkey)
	if err != nil {
		return usage("--key: %v", err)
	}
	logKey, err := note.NewVerifier(key)
	if err != nil {
		return usage("--key: %v", err)
	}
	opts := remote.Options{LogKeys: note.VerifierList(logKey), Replay: a.replay}
	if len(a.witnesses) > 0 {
		var vkeys []string
		for _, w := range a.witnesses {
			k, err := keyArg(w)
			if err != nil {
				return usage("--witness: %v", err)
			}
			vkeys = append(vkeys, k)
		}
		q := a.quorum
		if q == 0 {
			q = len(vkeys)
		}
		p, err := witness.NewPolicy(q, vkeys...)
		if err != nil {
			return usage("--witness: %v", err)
		}
		opts.Policy = p
	}
	var remembered []byte
	if a.since != "" {
		remembered, err = os.ReadFile(a.since)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			remembered = nil
		case err != nil:
			return &exitError{code: 1, msg: fmt.Sprintf("--since: %v", err)}
		default:
			opts.Since = remembered
		}
	}
	bar := newProgressBar(env.stderr)
	opts.Progress = bar.update
	res, err := remote.Verify(ctx, a.url, opts)
	bar.finish()
	if err != nil {
		var re *remote.Error
		if errors.As(err, &re) {
			return &exitError{code: 1, msg: fmt.Sprintf("%s: %v", a.url, err)}
		}
		return &exitError{code: 1, msg: fmt.Sprintf("%s: cannot read the log: %v", a.url, err)}
	}
	cp := res.Checkpoint
	fmt.Fprintf(env.stdout, "%s: %d %s verified against the checkpoint signed by %s\n", cp.Origin, res.Entries, pluralWord(int(min(res.Entries, 2)), "entry", "entries"), logKey.Name())
	if opts.Policy != nil {
		fmt.Fprintf(env.stdout, "cosigned by %s (policy: %s)\n", strings.Join(res.Cosigners, ", "), opts.Policy)
	}
	if a.since != "" {
		if remembered != nil {
			old, _ := ledger.ParseCheckpoint(remembered[:strings.Index(string(remembered), "\n\n")+1])
			fmt.Fprintf(env.stdout, "consistent with the remembered checkpoint of tree size %d (%s)\n", old.Size, a.since)
		} else {
			fmt.Fprintf(env.stdout, "no remembered checkpoint yet in %s: saving this one\n", a.since)
		}
		if err := writeFileAtomic(a.since, res.Signed); err != nil {
			return &exitError{code: 1, msg: fmt.Sprintf("--since: saving the checkpoint: %v", err)}
		}
	}
	return nil
}

// writeFileAtomic replaces path with data through a temporary file.
func writeFileAtomic(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".checkpoint-*")
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(f.Name())
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		os.Remove(f.Name())
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return err
	}
	return os.Rename(f.Name(), path)
}
