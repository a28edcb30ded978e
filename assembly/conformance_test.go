package assembly

import (
	"bufio"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// This file holds docs/rules.md to the code: every row of its tables
// names tests that exist, and the cells of its tables of motions are what
// the rules answer.

const rulesDoc = "../docs/rules.md"

// docTable is a table of docs/rules.md: its heading, its columns and rows.
type docTable struct {
	heading string
	columns []string
	rows    [][]string
	lines   []int
}

// readTables reads the Markdown tables of a file, each under the heading
// it follows.
func readTables(t *testing.T, path string) []docTable {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var tables []docTable
	var cur *docTable
	heading := ""
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "#") {
			heading = strings.TrimSpace(strings.TrimLeft(line, "#"))
		}
		if !strings.HasPrefix(line, "|") {
			cur = nil
			continue
		}
		cells := splitRow(line)
		if cur == nil {
			tables = append(tables, docTable{heading: heading, columns: cells})
			cur = &tables[len(tables)-1]
			continue
		}
		if strings.Trim(strings.Join(cells, ""), "-: ") == "" {
			continue // the separator
		}
		cur.rows = append(cur.rows, cells)
		cur.lines = append(cur.lines, n)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return tables
}

// splitRow splits a table row into its cells, keeping "\|" inside one.
func splitRow(line string) []string {
	line = strings.TrimSuffix(strings.TrimPrefix(line, "|"), "|")
	var cells []string
	var b strings.Builder
	for i := 0; i < len(line); i++ {
		switch {
		case line[i] == '\\' && i+1 < len(line) && line[i+1] == '|':
			b.WriteByte('|')
			i++
		case line[i] == '|':
			cells = append(cells, strings.TrimSpace(b.String()))
			b.Reset()
		default:
			b.WriteByte(line[i])
		}
	}
	return append(cells, strings.TrimSpace(b.String()))
}

// testFuncs maps each top-level test of this package to the source of
// its body, in which its subtests' names stand as string literals.
func testFuncs(t *testing.T) map[string]string {
	t.Helper()
	files, err := filepath.Glob("*_test.go")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	fset := token.NewFileSet()
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, name, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Recv != nil || !strings.HasPrefix(fd.Name.Name, "Test") {
				continue
			}
			var lits []string
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				if bl, ok := n.(*ast.BasicLit); ok && bl.Kind == token.STRING {
					if s, err := strconv.Unquote(bl.Value); err == nil {
						lits = append(lits, s)
					}
				}
				return true
			})
			out[fd.Name.Name] = "\x00" + strings.Join(lits, "\x00") + "\x00"
		}
	}
	return out
}

var testRef = regexp.MustCompile("`(Test[A-Za-z0-9_]+)(/[^`]+)?`")

// TestRulesTable: every row of every table of docs/rules.md names at least
// one test, and every test it names exists: a test function of this
// package, and a subtest whose name the function's source gives.
func TestRulesTable(t *testing.T) {
	funcs := testFuncs(t)
	tables := readTables(t, rulesDoc)
	if len(tables) < 4 {
		t.Fatalf("docs/rules.md has %d tables", len(tables))
	}
	rows := 0
	for _, tb := range tables {
		col := -1
		for i, c := range tb.columns {
			if strings.EqualFold(c, "test") || strings.EqualFold(c, "tests") {
				col = i
			}
		}
		if col < 0 {
			t.Errorf("docs/rules.md: the table under %q has no column test", tb.heading)
			continue
		}
		for i, row := range tb.rows {
			rows++
			if col >= len(row) {
				t.Errorf("docs/rules.md:%d: the row has no test column", tb.lines[i])
				continue
			}
			refs := testRef.FindAllStringSubmatch(row[col], -1)
			if len(refs) == 0 {
				t.Errorf("docs/rules.md:%d: the row %q names no test", tb.lines[i], row[0])
			}
			for _, r := range refs {
				body, ok := funcs[r[1]]
				if !ok {
					t.Errorf("docs/rules.md:%d: %s names %s, which does not exist", tb.lines[i], row[0], r[1])
					continue
				}
				if sub := strings.TrimPrefix(r[2], "/"); sub != "" && !strings.Contains(body, "\x00"+sub+"\x00") {
					t.Errorf("docs/rules.md:%d: %s names the subtest %q of %s, which does not exist", tb.lines[i], row[0], sub, r[1])
				}
			}
		}
	}
	if rows < 40 {
		t.Errorf("docs/rules.md has %d rows; the conformance table is missing", rows)
	}
}

// TestMotionCharacteristics reads the tables of motions of docs/rules.md
// (those with a column rank) and checks every cell against what the rules
// of the preset answer: precedence (Rank, "–" where the preset puts
// motions to the vote in the order moved), Debatable, Amendable,
// Reconsiderable (after a carried vote), the threshold (RuleThreshold) and
// whether a second is needed.
func TestMotionCharacteristics(t *testing.T) {
	checked := 0
	for _, tb := range readTables(t, rulesDoc) {
		idx := map[string]int{}
		for i, c := range tb.columns {
			idx[strings.ToLower(c)] = i
		}
		if _, ok := idx["rank"]; !ok {
			continue
		}
		preset := "ronr"
		if strings.Contains(strings.ToLower(tb.heading), "congress") {
			preset = "congress"
		}
		for i, row := range tb.rows {
			cell := func(col string) string {
				j, ok := idx[col]
				if !ok || j >= len(row) {
					t.Fatalf("docs/rules.md:%d: no column %s", tb.lines[i], col)
				}
				return strings.ToLower(strings.Trim(row[j], " *"))
			}
			s := fixture(t, preset, "").s
			mo, amends := motionOf(t, s, cell("plenum"))
			if amends != nil {
				s.Motions[amends.ID] = amends
			}
			where := "docs/rules.md:" + strconv.Itoa(tb.lines[i]) + " (" + preset + ", " + row[0] + ")"
			wantRank := cell("rank")
			gotRank := strconv.Itoa(s.Rank(mo))
			if !s.Assembly.Rules.Precedence {
				gotRank = "–"
			}
			if gotRank != wantRank {
				t.Errorf("%s: rank %s, the rules %s", where, wantRank, gotRank)
			}
			for _, c := range []struct {
				col string
				got bool
			}{
				{"debatable", s.Debatable(mo)},
				{"amendable", s.Amendable(mo)},
				{"reconsiderable", !s.Assembly.Rules.Reconsideration() || s.Reconsiderable(mo, MotionStatusCarried)},
				{"second", s.Assembly.Rules.SecondsRequired && s.needsSecond(mo) && !s.secondWaived(mo)},
			} {
				if want := yes(t, where, cell(c.col)); want != c.got {
					t.Errorf("%s: %s %v, the rules %v", where, c.col, want, c.got)
				}
			}
			if want, got := cell("vote"), strings.ToLower(s.RuleThreshold(mo).Describe()); want != got {
				t.Errorf("%s: vote %q, the rules %q", where, want, got)
			}
			checked++
		}
	}
	if checked < 12 {
		t.Errorf("only %d motions checked: docs/rules.md lacks its tables of motions", checked)
	}
}

// motionOf makes the motion a cell of the column plenum names:
// `substantive`, `amendment`, `amendment` of an `amendment`, or a
// procedure (`close_list`).
func motionOf(t *testing.T, s *State, cell string) (mo, parent *Motion) {
	t.Helper()
	words := regexp.MustCompile("`([a-z_]+)`").FindAllStringSubmatch(cell, -1)
	if len(words) == 0 {
		t.Fatalf("the cell %q names no kind or procedure", cell)
	}
	first := words[0][1]
	switch {
	case first == "substantive":
		return &Motion{ID: "m", Kind: "substantive"}, nil
	case first == "amendment" && len(words) > 1:
		p := &Motion{ID: "p", Kind: "amendment", Amends: "main"}
		s.Motions["main"] = &Motion{ID: "main", Kind: "substantive"}
		return &Motion{ID: "m", Kind: "amendment", Amends: "p"}, p
	case first == "amendment":
		s.Motions["main"] = &Motion{ID: "main", Kind: "substantive"}
		return &Motion{ID: "m", Kind: "amendment", Amends: "main"}, nil
	}
	return &Motion{ID: "m", Kind: "procedural", Procedure: first}, nil
}

// yes reads a cell "yes" or "no" (with any note after it).
func yes(t *testing.T, where, cell string) bool {
	t.Helper()
	switch {
	case strings.HasPrefix(cell, "yes"):
		return true
	case strings.HasPrefix(cell, "no"):
		return false
	}
	t.Fatalf("%s: %q is neither yes nor no", where, cell)
	return false
}
