package main

import (
	"os"
	"path/filepath"
	"testing"

	"plenum/ledger"
)

// TestVerifyDatabaseInTheOfficersLanguage: plenum verify --db says its
// refusals (a database it cannot read, a key it cannot find or read) in
// the environment's language; no English word of them is left, and the
// English says what it did.
func TestVerifyDatabaseInTheOfficersLanguage(t *testing.T) {
	nokey := demoDB(t)
	os.Remove(filepath.Join(filepath.Dir(nokey), ledger.SigningKeyFile))
	db := demoDB(t)
	cases := []refusal{
		{[]string{"--db", filepath.Join(t.TempDir(), "none.db")}, 1, "cannot read the database: ", 1},
		{[]string{"--db", "postgres://nobody@127.0.0.1:1/none"}, 2, "with a PostgreSQL database, give --key VERIFIERKEY (the key plenum serve printed), or --data DIR (the server's data directory) to trust the key there", 0},
		{[]string{"--db", nokey}, 1, "no --key given and no signing key to derive it from: ", 1},
		{[]string{"--db", db, "--key", "a+b+c"}, 2, "--key: ", 1},
		{[]string{"--db", db, "--key", filepath.Join(t.TempDir(), "nokey")}, 2, `" is neither a key (name+hash+key) nor a file`, 0},
	}
	english := englishWords([]string{"plenum", "postgresql", "verifierkey", "serve", "data", "hash", "name", "verify"}, "cli.verify.pg_key", "cli.verify.no_signing_key", "cli.verify.bad_key", "cli.verify.cannot_read", "cli.key_arg")
	checkRefusals(t, "verify", cases, english, false)
}
