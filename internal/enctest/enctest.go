// Package enctest runs the trustees' side of an encrypted vote's key
// ceremony and decryption, and the voters' encryption, with package
// ballot, for the tests of the packages that integrate it.
package enctest

import (
	"crypto/rand"
	"testing"

	"plenum/ballot"
)

// Ceremony holds every trustee's secret and published messages.
type Ceremony struct {
	Params        ballot.Parameters
	Secrets       []ballot.TrusteeSecret
	Keys          []ballot.TrusteeKey
	Dealings      []ballot.Dealing
	Shares        []ballot.ShareKey
	Confirmations []ballot.Confirmation
	Key           ballot.ElectionKey
}

// Run makes all N trustees' messages, as their browsers would.
func Run(t testing.TB, p ballot.Parameters) *Ceremony {
	t.Helper()
	c := &Ceremony{Params: p}
	for i := 1; i <= p.Trustees; i++ {
		s, k, err := ballot.GenerateTrustee(p, i, rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		c.Secrets, c.Keys = append(c.Secrets, s), append(c.Keys, k)
	}
	for _, s := range c.Secrets {
		d, err := ballot.Deal(s, c.Keys, rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		c.Dealings = append(c.Dealings, d)
	}
	for _, s := range c.Secrets {
		sk, err := ballot.OpenShares(s, c.Keys, c.Dealings)
		if err != nil {
			t.Fatal(err)
		}
		cf, err := sk.Confirm(rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		c.Shares, c.Confirmations = append(c.Shares, sk), append(c.Confirmations, cf)
	}
	k, err := ballot.CombineKeys(p, c.Keys, c.Dealings, c.Confirmations)
	if err != nil {
		t.Fatal(err)
	}
	c.Key = k
	return c
}

// Encode is ballot.Encode for a test.
func Encode(t testing.TB, v any) []byte {
	t.Helper()
	b, err := ballot.Encode(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Ballot encrypts one mark on option (0-based) among options, for voter.
func Ballot(t testing.TB, k ballot.ElectionKey, options, option int, voter string) []byte {
	t.Helper()
	marks := make([]int, options)
	marks[option] = 1
	b, err := ballot.Encrypt(k, ballot.Question{Kind: ballot.Choice, Options: options, Min: 1, Max: 1}, voter, marks, rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return Encode(t, b)
}

// Decrypt is trustee i's (1-based) partial decryption of totals.
func (c *Ceremony) Decrypt(t testing.TB, i int, totals []ballot.Ciphertext) []byte {
	t.Helper()
	d, err := c.Shares[i-1].Decrypt(c.Key, totals, rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return Encode(t, d)
}

// Marks encrypts a ballot with the given marks (one 0 or 1 per option)
// for the choice question q, for voter.
func Marks(t testing.TB, k ballot.ElectionKey, q ballot.Question, marks []int, voter string) []byte {
	t.Helper()
	b, err := ballot.Encrypt(k, q, voter, marks, rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return Encode(t, b)
}
