package main

import (
	"context"
	"errors"
	"fmt"

	"plenum/ledger"
)

func init() {
	register(&subcommand{
		name:    "keygen",
		summary: "generate a signing key for the logs' checkpoints",
		usage: `
NAME
    plenum keygen — generate a signing key for the logs' checkpoints

SYNOPSIS
    plenum keygen [--name NAME] [--out FILE]

DESCRIPTION
    Generates an Ed25519 key in the signed-note format that plenum signs
    every checkpoint of every log with. The signer key is secret; the
    verifier key ("NAME+hash+key") is public: give it to everyone who is to
    check the record (plenum verify --key, witnesses, any tlog client).

    plenum serve creates a key by itself on first start (in the data
    directory, file signing.key); use keygen to make one explicitly, for
    example to keep it elsewhere first or to know the verifier key before
    the server runs.

OPTIONS
    --name NAME   the key's name, which is also the server name in the logs'
                  origins (default plenum.localhost); letters, digits, '.',
                  '-' and ':'
    --out FILE    write the signer key to FILE with mode 0600 (never
                  overwriting) and print the verifier key on standard output;
                  without --out the signer key goes to standard output and
                  the verifier key to standard error

EXIT STATUS
    0 on success, 1 if the key could not be written, 2 for a usage error.

EXAMPLES
    plenum keygen --name minutes.example.org --out plenum-data/signing.key
    plenum serve --name minutes.example.org
`,
		run: runKeygen,
	})
}

func runKeygen(ctx context.Context, env *cliEnv, args []string) error {
	fs := newFlagSet(subcommands["keygen"], env)
	name := fs.String("name", ledger.DefaultServerName, "")
	out := fs.String("out", "", "")
	if err := fs.Parse(args); err != nil {
		return usageErr(err)
	}
	if fs.NArg() != 0 {
		return &exitError{code: 2, msg: env.locale().T("cli.no_args", "keygen")}
	}
	skey, vkey, err := ledger.GenerateKey(*name)
	if err != nil {
		return &exitError{code: 2, msg: err.Error()}
	}
	if *out == "" {
		fmt.Fprintln(env.stdout, skey)
		fmt.Fprintln(env.stderr, env.locale().T("cli.keygen.vkey", vkey))
		return nil
	}
	if err := ledger.WriteKeyFile(*out, skey); err != nil {
		return errors.New(env.locale().T("cli.keygen.not_written", err))
	}
	fmt.Fprintln(env.stdout, vkey)
	return nil
}
