package web_test

import (
	"context"
	"testing"
)

// BenchmarkMandatesPage10000 renders the mandates page of a congress of
// 10,000 delegates for the server administrator, who issues everyone's
// access code: every person is a card holder of its lists (CardHolders),
// each named with its member number where another bears the same name
// (cards.Namesakes).
func BenchmarkMandatesPage10000(b *testing.B) {
	h, _ := bigHall(b, 10_000, 0)
	ctx := context.Background()
	link, err := h.auth.NewAdminToken(ctx)
	if err != nil {
		b.Fatal(err)
	}
	_, tok, err := h.auth.LoginAdmin(ctx, link)
	if err != nil {
		b.Fatal(err)
	}
	h.codes["admin"] = tok
	benchPages(b, h, []pageCase{{"mandates", "admin", "/a/" + asm + "/mandates", "Delegate 9999"}})
}
