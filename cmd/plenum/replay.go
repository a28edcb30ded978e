package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"golang.org/x/mod/sumdb/note"

	"plenum/assembly"
	"plenum/engine"
	"plenum/ledger"
	"plenum/store/sqlite"
)

func init() {
	register(&subcommand{
		name:    "replay",
		summary: "apply a command script to an assembly's record",
		usage: `
NAME
    plenum replay — apply a command script to an assembly's record

SYNOPSIS
    plenum replay [--db PATH] [--name SERVER] SCRIPT

DESCRIPTION
    Reads SCRIPT, a file of JSON lines with one command each (see
    docs/script.md), and applies the commands in order to the database, as
    if they had been given live: each is checked against the rules of
    procedure and, if accepted, recorded in the assembly's signed log. This
    is how an assembly is entered in bulk, including a record restored
    afterwards from drafts, with the times recorded then.

    Replay stops at the first command the rules refuse and names its line
    and the reason. The commands before it stay recorded (each accepted
    command is durable); fix the line and replay the rest of the script.
    "-" reads the script from standard input.

OPTIONS
    --db PATH       the SQLite database (default ./plenum-data/plenum.db);
                    created if absent, with a signing key beside it
    --name SERVER   the server name in the logs' origins
                    (default plenum.localhost)

EXIT STATUS
    0 when every command was recorded, 1 when a command was refused or the
    record could not be written, 2 for a usage error.

EXAMPLES
    plenum replay --db meeting.db testdata/coop-2026.jsonl
`,
		run: runReplay,
	})
}

func runReplay(ctx context.Context, env *cliEnv, args []string) error {
	fs := newFlagSet(subcommands["replay"], env)
	db := fs.String("db", defaultDBPath, "")
	name := fs.String("name", ledger.DefaultServerName, "")
	if err := fs.Parse(args); err != nil {
		return usageErr(err)
	}
	if fs.NArg() != 1 {
		return &exitError{code: 2, msg: "name one script file (or - for standard input)"}
	}
	var in io.Reader = env.stdin
	if p := fs.Arg(0); p != "-" {
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		in = f
	}
	eng, closeAll, err := openEngine(ctx, *db, *name)
	if err != nil {
		return err
	}
	defer closeAll()
	n, err := replayScript(ctx, eng, in)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "recorded %d commands\n", n)
	return nil
}

// defaultDBPath is where plenum keeps its database unless told otherwise.
const defaultDBPath = "plenum-data/plenum.db"

// usageErr turns a flag parsing error into exit status 2 (or 0 for --help).
func usageErr(err error) error {
	if errors.Is(err, flag.ErrHelp) {
		return err
	}
	return &exitError{code: 2}
}

// openEngine opens (creating if needed) the SQLite database at dbPath, the
// signing key in its folder, and the engine over them.
func openEngine(ctx context.Context, dbPath, server string) (*engine.Engine, func(), error) {
	dir := filepath.Dir(dbPath)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, nil, err
	}
	signer, vkey, err := ledger.LoadOrCreateKey(dir, server)
	if err != nil {
		return nil, nil, err
	}
	verifier, err := note.NewVerifier(vkey)
	if err != nil {
		return nil, nil, err
	}
	st, err := sqlite.Open(dbPath)
	if err != nil {
		return nil, nil, err
	}
	eng, err := engine.Open(ctx, st, engine.Options{Server: server, Signer: signer, Verifiers: note.VerifierList(verifier)})
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	return eng, func() { eng.Close(); st.Close() }, nil
}

// replayScript applies a command script and returns how many commands it
// recorded. Consecutive commands for one assembly go to the engine together
// (one batch, decided in order), so a long script is not one sync per line.
func replayScript(ctx context.Context, eng *engine.Engine, in io.Reader) (int, error) {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 0, 64*1024), maxScriptLine)
	var (
		recorded int
		current  string // the assembly named last
		pending  []scriptLine
	)
	flush := func() error {
		if len(pending) == 0 {
			return nil
		}
		batch := pending
		pending = nil
		a, ok := eng.Assembly(batch[0].env.Assembly)
		if !ok {
			return fmt.Errorf("line %d: there is no assembly %q", batch[0].line, batch[0].env.Assembly)
		}
		metas := make([]assembly.Meta, len(batch))
		cmds := make([]assembly.Command, len(batch))
		for i, l := range batch {
			metas[i], cmds[i] = l.env.Meta(), l.cmd
		}
		results, failed, err := a.SubmitAll(ctx, metas, cmds)
		recorded += len(results)
		if err != nil {
			if failed >= 0 {
				return fmt.Errorf("line %d (%s): %w", batch[failed].line, batch[failed].env.Cmd, err)
			}
			return err
		}
		return nil
	}
	line := 1
	for ; sc.Scan(); line++ {
		text := bytes.TrimSpace(sc.Bytes())
		if len(text) == 0 || text[0] == '#' {
			continue
		}
		env, err := assembly.ParseEnvelope(text)
		if err != nil {
			if ferr := flush(); ferr != nil {
				return recorded, ferr
			}
			return recorded, fmt.Errorf("line %d: %w", line, err)
		}
		cmd, err := assembly.ParseCommand(env)
		if err != nil {
			if ferr := flush(); ferr != nil {
				return recorded, ferr
			}
			return recorded, fmt.Errorf("line %d (%s): %w", line, env.Cmd, err)
		}
		if c, ok := cmd.(assembly.CreateAssembly); ok {
			if err := flush(); err != nil {
				return recorded, err
			}
			if _, err := eng.Submit(ctx, env); err != nil {
				return recorded, fmt.Errorf("line %d (%s): %w", line, env.Cmd, err)
			}
			recorded++
			current = c.ID
			continue
		}
		if env.Assembly == "" {
			env.Assembly = current
		}
		if env.Assembly != current || len(pending) >= 1024 {
			if err := flush(); err != nil {
				return recorded, err
			}
			current = env.Assembly
		}
		pending = append(pending, scriptLine{line: line, env: env, cmd: cmd})
	}
	if err := flush(); err != nil {
		return recorded, err
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return recorded, fmt.Errorf("line %d: the line is longer than %d MiB; a script holds one command a line, and nothing from this line on was recorded", line, maxScriptLine>>20)
		}
		return recorded, fmt.Errorf("line %d: reading the script: %w", line, err)
	}
	return recorded, nil
}

// maxScriptLine bounds one line of a command script.
const maxScriptLine = 16 << 20

// scriptLine is one parsed command of a script with its line number.
type scriptLine struct {
	line int
	env  assembly.Envelope
	cmd  assembly.Command
}
