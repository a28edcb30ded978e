package main

import (
	"context"
	"errors"
	"log/slog"
	"strconv"
	"strings"

	"plenum/i18n"
	"plenum/store/postgres"
)

// lockServer takes the server lock of the PostgreSQL database db for
// plenum serve (postgres.LockServer): exclusively for a plain serve,
// shared for a node of a cluster (node, its --node-name). Another server
// holding it the other way refuses the start, naming it as
// pg_stat_activity shows it, and saying what to do. plenum verify,
// export, replay and import take no such lock: they run beside a server
// (docs/storage.md).
func lockServer(ctx context.Context, l *i18n.Locale, db, node string) (*postgres.ServerLock, error) {
	lock, err := postgres.LockServer(ctx, db, node != "", postgres.ServerApplication(node), slog.Default())
	var se *postgres.ServedError
	if !errors.As(err, &se) {
		return lock, err
	}
	var who []string
	for _, h := range se.Holders {
		who = append(who, lockHolder(l, h))
	}
	if len(who) == 0 {
		who = append(who, l.T("cli.serve.pg_holder_gone"))
	}
	list := strings.Join(who, "; ")
	switch {
	case se.Shared:
		return nil, &exitError{code: 1, msg: l.T("cli.serve.pg_served_plain", list), cause: err}
	case len(se.Holders) > 0 && se.Holders[0].Shared:
		return nil, &exitError{code: 2, msg: l.T("cli.cluster.nodes_alive", list), cause: err}
	}
	return nil, &exitError{code: 1, msg: l.T("cli.serve.pg_served", list), cause: err}
}

// lockHolder says who holds the server lock, in l.
func lockHolder(l *i18n.Locale, h postgres.LockHolder) string {
	if h.Application == "" && h.Since.IsZero() {
		return l.T("cli.serve.pg_holder_hidden", strconv.Itoa(int(h.PID)))
	}
	since := "?"
	if !h.Since.IsZero() {
		since = h.Since.UTC().Format("2006-01-02 15:04:05 UTC")
	}
	if h.Client == "" {
		return l.T("cli.serve.pg_holder_local", h.Application, strconv.Itoa(int(h.PID)), since)
	}
	return l.T("cli.serve.pg_holder", h.Application, strconv.Itoa(int(h.PID)), h.Client, since)
}
