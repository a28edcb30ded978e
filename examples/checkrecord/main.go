// Command checkrecord checks a plenum record file without plenum: every
// signed checkpoint's signature by the assembly's verifier key, and its
// root hash recomputed (RFC 6962) from the entries' bytes. It uses only
// golang.org/x/mod/sumdb/{note,tlog} and SQLite (docs/checking-without-plenum.md).
//
//	go run . RECORD.db VERIFIERKEY
package main

import (
	"database/sql"
	"encoding/base64"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
	_ "modernc.org/sqlite"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: checkrecord RECORD.db VERIFIERKEY")
		os.Exit(2)
	}
	if err := check(os.Stdout, os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "checkrecord:", err)
		os.Exit(1)
	}
}

// hashes is every stored hash of the tree, in tlog's order.
type hashes []tlog.Hash

func (h hashes) ReadHashes(idx []int64) ([]tlog.Hash, error) {
	out := make([]tlog.Hash, len(idx))
	for i, x := range idx {
		if x >= int64(len(h)) {
			return nil, fmt.Errorf("hash %d not computed", x)
		}
		out[i] = h[x]
	}
	return out, nil
}

func check(w io.Writer, path, vkey string) error {
	v, err := note.NewVerifier(vkey) // "name+hash+key", as the assembly publishes it
	if err != nil {
		return err
	}
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		return err
	}
	defer db.Close()
	var logID, size int64
	var origin string
	var head []byte
	if err := db.QueryRow("select id, origin, size, checkpoint from logs").Scan(&logID, &origin, &size, &head); err != nil {
		return err
	}
	// entries.data is each entry exactly as hashed into the tree.
	rows, err := db.Query("select idx, data from entries where log_id = ? order by idx", logID)
	if err != nil {
		return err
	}
	var stored hashes
	var n int64
	for rows.Next() {
		var idx int64
		var data []byte
		if err := rows.Scan(&idx, &data); err != nil {
			return err
		}
		if idx != n {
			return fmt.Errorf("entry %d is missing", n)
		}
		hs, err := tlog.StoredHashes(n, data, stored)
		if err != nil {
			return err
		}
		stored, n = append(stored, hs...), n+1
	}
	if err := rows.Err(); err != nil {
		return err
	}
	// checkpoints.data is a signed note: origin, tree size, root hash.
	cps, err := db.Query("select size, data from checkpoints where log_id = ? order by size", logID)
	if err != nil {
		return err
	}
	var count int
	var last []byte
	for cps.Next() {
		var cpSize int64
		var signed []byte
		if err := cps.Scan(&cpSize, &signed); err != nil {
			return err
		}
		msg, err := note.Open(signed, note.VerifierList(v))
		if err != nil {
			return fmt.Errorf("checkpoint %d: %v", cpSize, err)
		}
		lines := strings.Split(msg.Text, "\n")
		if len(lines) < 3 || lines[0] != origin || lines[1] != strconv.FormatInt(cpSize, 10) || cpSize > n {
			return fmt.Errorf("checkpoint %d: not of this log's first %d entries", cpSize, n)
		}
		if cpSize > 0 {
			root, err := tlog.TreeHash(cpSize, stored)
			if err != nil {
				return err
			}
			if base64.StdEncoding.EncodeToString(root[:]) != lines[2] {
				return fmt.Errorf("checkpoint %d: the entries hash to %v, the checkpoint says %s", cpSize, root, lines[2])
			}
		}
		count, last = count+1, signed
	}
	if err := cps.Err(); err != nil {
		return err
	}
	if size != n || string(last) != string(head) {
		return fmt.Errorf("the latest checkpoint does not cover the %d entries", n)
	}
	fmt.Fprintf(w, "%s: %d entries, %d checkpoints signed by %s, every root recomputed\n", origin, n, count, v.Name())
	return nil
}
