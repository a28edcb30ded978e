package cluster

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"errors"
)

// A node's row in the registry (cluster_nodes) says where the commands of
// the logs it writes are forwarded to, with the users' session cookies.
// Whoever can write the database must not be able to say it: each node
// writes, beside its name, instance and advertised address, their MAC
// (column mac) under the registry key, derived from the signing key every
// node shares and no database holds (auth.RegistryKey); a follower
// forwards only to a node whose row's MAC holds under its own key
// (WriterURL), so a DBA who rewrites a writer's address, or plants a node
// row and points a lease at it, receives no command and no cookie: the
// command is answered 503, nothing recorded, and the refusal is logged
// once per process. docs/cluster.md, "What the database cannot redirect".

// ErrForgedWriter is WriterURL's refusal of a writer whose row in the
// registry does not carry the MAC of a plenum node (edited or planted in
// the database, or written by a node with another signing key, or by a
// node of an earlier version before its next heartbeat): nothing is
// forwarded to it.
var ErrForgedWriter = errors.New("cluster: the writer's address in the database was not written by a plenum node")

// nodeMAC is the MAC of a node's row: its name, instance and advertised
// address, each length-prefixed after a label of this use alone.
func nodeMAC(key []byte, name, instance, advertise string) []byte {
	var buf []byte
	for _, s := range []string{"plenum cluster node v1", name, instance, advertise} {
		buf = binary.AppendUvarint(buf, uint64(len(s)))
		buf = append(buf, s...)
	}
	h := hmac.New(sha256.New, key)
	h.Write(buf)
	return h.Sum(nil)
}

// nodeMACOK reports, in constant time, whether mac is the MAC of the row
// under key; never without a key.
func nodeMACOK(key, mac []byte, name, instance, advertise string) bool {
	return len(key) > 0 && hmac.Equal(mac, nodeMAC(key, name, instance, advertise))
}
