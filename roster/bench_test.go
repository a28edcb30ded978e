package roster_test

import (
	"fmt"
	"strings"
	"testing"

	"plenum/roster"
)

// bigRoster is a roster of n delegates spread over the sample congress's
// organizations, every tenth of weight 2, every fifth not yet verified.
func bigRoster(n int) string {
	orgs := []string{"Metalworkers' Union North", "Metalworkers' Union South", "Railway Workers' Union", "Health and Care Workers' Union", "Teachers' Union", "Retail and Commerce Union"}
	var b strings.Builder
	b.WriteString("Ref,Name,Organization,Kind,Weight,Status\n")
	for i := 0; i < n; i++ {
		weight, status := 1, "verified"
		if i%10 == 0 {
			weight = 2
		}
		if i%5 == 0 {
			status = ""
		}
		fmt.Fprintf(&b, "R-%05d,Delegate %d Surname%d,%s,decisive,%d,%s\n", i, i, i%97, orgs[i%len(orgs)], weight, status)
	}
	return b.String()
}

// BenchmarkPlan10000 reads and plans a roster of 10,000 delegates into an
// assembly that has none (the first import).
func BenchmarkPlan10000(b *testing.B) { benchFirstImport(b, bigRoster(10_000), 10_000) }

// benchFirstImport reads and plans a roster into the sample congress,
// which has no delegates yet; it must add n persons.
func benchFirstImport(b *testing.B, text string, n int) {
	w := congress(b)
	b.ResetTimer()
	for b.Loop() {
		tab, err := roster.Read("big.csv", []byte(text))
		if err != nil {
			b.Fatal(err)
		}
		if pv := w.planTable(tab, "admin", false); pv.Summary.Added != n {
			b.Fatalf("%+v", pv.Summary)
		}
	}
}

// BenchmarkPlanUnchanged10000 plans the same roster again once it is
// recorded: nothing to do, every row matched.
func BenchmarkPlanUnchanged10000(b *testing.B) {
	text := bigRoster(10_000)
	w := congress(b)
	tab, err := roster.Read("big.csv", []byte(text))
	if err != nil {
		b.Fatal(err)
	}
	w.record(w.planTable(tab, "admin", false))
	b.ResetTimer()
	for b.Loop() {
		tab, err := roster.Read("big.csv", []byte(text))
		if err != nil {
			b.Fatal(err)
		}
		pv := w.planTable(tab, "admin", false)
		if pv.Summary.Unchanged != 10_000 {
			b.Fatalf("%+v", pv.Summary)
		}
	}
}
