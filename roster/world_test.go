package roster_test

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"plenum/assembly"
	"plenum/roster"
)

// sample is the folder of the sample rosters.
var sample = filepath.Join("..", "testdata", "roster")

// world is an assembly kept as the commands that made it: fresh replays
// them into a new state, as the command line replays the log.
type world struct {
	t     testing.TB
	metas []assembly.Meta
	cmds  []assembly.Command
	clock time.Time
}

// newWorld starts from a command script (docs/script.md).
func newWorld(t testing.TB, script string) *world {
	t.Helper()
	w := &world{t: t, clock: time.Date(2026, 4, 1, 10, 0, 0, 0, time.UTC)}
	data, err := os.ReadFile(script)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		env, err := assembly.ParseEnvelope(line)
		if err != nil {
			t.Fatal(err)
		}
		cmd, err := assembly.ParseCommand(env)
		if err != nil {
			t.Fatal(err)
		}
		w.metas, w.cmds = append(w.metas, env.Meta()), append(w.cmds, cmd)
	}
	if _, err := w.fresh(); err != nil {
		t.Fatal(err)
	}
	return w
}

func congress(t testing.TB) *world { return newWorld(t, filepath.Join(sample, "congress-2026.jsonl")) }

func (w *world) fresh() (*assembly.State, error) {
	s := assembly.NewState()
	for i, c := range w.cmds {
		evs, err := assembly.Decide(s, w.metas[i], c)
		if err != nil {
			return nil, err
		}
		for _, ev := range evs {
			if err := s.Apply(ev); err != nil {
				return nil, err
			}
		}
	}
	return s, nil
}

func (w *world) state() *assembly.State {
	w.t.Helper()
	s, err := w.fresh()
	if err != nil {
		w.t.Fatal(err)
	}
	return s
}

// do gives one command as actor.
func (w *world) do(actor string, c assembly.Command) {
	w.t.Helper()
	w.clock = w.clock.Add(time.Minute)
	w.metas, w.cmds = append(w.metas, assembly.Meta{Actor: actor, At: w.clock}), append(w.cmds, c)
	if _, err := w.fresh(); err != nil {
		w.t.Fatalf("%s: %v", c.CommandName(), err)
	}
}

// plan reads a file and plans it into the assembly as its administrator.
func (w *world) plan(file string, create bool) *roster.Preview {
	w.t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		w.t.Fatal(err)
	}
	t, err := roster.Read(file, data)
	if err != nil {
		w.t.Fatalf("Read(%s): %v", file, err)
	}
	return w.planTable(t, "admin", create)
}

func (w *world) planTable(t *roster.Table, actor string, create bool) *roster.Preview {
	w.t.Helper()
	w.clock = w.clock.Add(time.Minute)
	pv, err := roster.Plan(t, w.fresh, roster.Options{Actor: actor, At: w.clock, CreateOrganizations: create})
	if err != nil {
		w.t.Fatalf("Plan: %v", err)
	}
	return pv
}

// record appends the preview's commands, as one batch would.
func (w *world) record(pv *roster.Preview) {
	w.t.Helper()
	metas, cmds := pv.Batch()
	w.metas, w.cmds = append(w.metas, metas...), append(w.cmds, cmds...)
	if _, err := w.fresh(); err != nil {
		w.t.Fatalf("recording the preview: %v", err)
	}
}

// problems lists every problem of a preview, one a line.
func problems(pv *roster.Preview) string {
	var b strings.Builder
	for _, r := range pv.Rows {
		for _, p := range r.Problems {
			b.WriteString(p.Error() + "\n")
		}
	}
	return b.String()
}

// wantProblems fails t unless the preview's problems are want, one a line.
func wantProblems(t *testing.T, pv *roster.Preview, want string) {
	t.Helper()
	if got := problems(pv); got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
}

// phrasesAreMessages fails t where a problem's phrase, rendered in
// English, is not its message.
func phrasesAreMessages(t *testing.T, pv *roster.Preview) {
	t.Helper()
	for _, r := range pv.Rows {
		for _, pr := range r.Problems {
			if pr.Phrase().String() != pr.Msg {
				t.Errorf("row %d: the phrase %q is not the message %q", r.Number, pr.Phrase(), pr.Msg)
			}
		}
	}
}

func readText(t testing.TB, name, text string) *roster.Table {
	t.Helper()
	tab, err := roster.Read(name, []byte(text))
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return tab
}
