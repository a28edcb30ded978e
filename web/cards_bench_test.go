package web_test

import (
	"testing"
)

// BenchmarkMandatesPage10000 renders the mandates page of a congress of
// 10,000 delegates for the server administrator, who issues everyone's
// access code: every person is a card holder of its lists (CardHolders),
// each named with its member number where another bears the same name
// (cards.Namesakes).
func BenchmarkMandatesPage10000(b *testing.B) {
	h, _ := bigHall(b, 10_000, 0)
	h.codes["admin"] = adminSession(b, h)
	benchPages(b, h, []pageCase{{"mandates", "admin", "/a/" + asm + "/mandates", "Delegate 9999"}})
}
