package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"

	"plenum/assembly"
	"plenum/i18n"
	"plenum/tally"
)

func init() {
	register(&subcommand{
		name:    "tally",
		summary: "count an election from a file of ballots and show the working",
		usage: `
NAME
    plenum tally — count an election from a file of ballots

SYNOPSIS
    plenum tally --method METHOD [--seats N] [--format FORMAT] [--seed S]
                 [--stages | --json] [--lang LANG] FILE

DESCRIPTION
    Reads the ballots in FILE, counts them by METHOD and prints the
    candidates elected, in order of election, one name a line. With
    --stages it prints the count sheet instead: every stage, each
    candidate's total, the transfer made and why, who is elected or
    excluded and the non-transferable votes. With --json it prints the
    result and the count sheet as one JSON object.

    The methods are:
      plurality              block vote: each ballot counts for its first N
                             preferences, N the number of seats
      approval               each ballot counts for every candidate it ranks
      dhondt, sainte-lague, sainte-lague-modified, hare
                             party-list apportionment; each candidate is a
                             list holding its first preferences, and a list
                             can win several seats (its name is printed once
                             a seat)
      irv                    instant-runoff, one seat
      stv-scottish           single transferable vote under the Scottish
                             Local Government Elections Order 2007 (SSI
                             2007/42, rules 45-52)
      stv-meek               Meek's method of STV, as the PR Foundation's
                             Meek reference rule states it
      stv-ers97              single transferable vote under the Electoral
                             Reform Society's 1997 rules (ERS97)
      schulze                the Schulze method: the Condorcet winner, or
                             the winner by the strongest paths; with N
                             seats the first N of its ranking

    The format is taken from the file's extension, or from --format:
      .blt                   the ERS/OpenSTV ballot format; it gives the seats
      .soc .soi .toi         PrefLib strict-complete, strict-incomplete and
                             tied-incomplete orders
      .csv                   a header row of candidate names (an optional
                             first column "weight"), then one row a ballot
                             giving each candidate's rank
    FILE "-" reads standard input; --format is then required.

    When fewer candidates can be elected than there are seats (every
    candidate withdrawn, or more seats than candidates standing), the
    result is printed as far as it goes and a warning on standard error
    says how many seats are left unfilled; the exit status is then 1.

    A tie the rules leave to chance is decided by lot drawn from --seed;
    the count sheet and a note on standard error name the seed, and the
    same seed gives the same result.

    The count sheet, the ties and the warning of seats left unfilled are
    written in the language of --lang, else of the environment (LC_ALL,
    LC_MESSAGES, LANG); the candidates' names as the file gives them. The
    JSON and the names of the elected, one a line, are the same in every
    language.

OPTIONS
    --method METHOD   the counting method (required)
    --seats N         seats to fill; default: what the file says (BLT)
    --format FORMAT   blt, soc, soi, toi or csv, overriding the extension
    --seed S          seed of the lot for ties (default 0)
    --stages          print the count sheet
    --json            print the result and the count sheet as JSON
    --lang LANG       the language of the count sheet: en, de, ru, fr, es

EXAMPLES
    plenum tally --method stv-scottish ward.blt
    plenum tally --method stv-meek --seats 3 --stages votes.toi
    plenum tally --method dhondt --seats 10 --json ballots.csv
    plenum tally --method irv --seed 1917 --format csv - < ballots.csv

EXIT STATUS
    0 when the count fills every seat; 1 when seats are left unfilled
    (the result is printed as far as it goes), or when the file cannot be
    read or is not valid (the message names the line and what is wrong);
    2 for a usage error.
`,
		run: runTally,
	})
}

// tallyFormats maps file extensions to ballot formats.
var tallyFormats = map[string]string{".blt": "blt", ".soc": "soc", ".soi": "soi", ".toi": "toi", ".csv": "csv"}

func runTally(ctx context.Context, env *cliEnv, args []string) error {
	c := subcommands["tally"]
	fs := newFlagSet(c, env)
	method := fs.String("method", "", "")
	seats := fs.Int("seats", 0, "")
	format := fs.String("format", "", "")
	seed := fs.Uint64("seed", 0, "")
	stages := fs.Bool("stages", false, "")
	asJSON := fs.Bool("json", false, "")
	lang := fs.String("lang", "", "")
	if err := fs.Parse(args); err != nil {
		return tallyUsage(err)
	}
	// Allow options after the file name too.
	var file string
	if fs.NArg() > 0 {
		file = fs.Arg(0)
		if err := fs.Parse(fs.Args()[1:]); err != nil {
			return tallyUsage(err)
		}
	}
	l, err := officerLocale(env, *lang, "")
	if err != nil {
		return err
	}
	switch {
	case file == "":
		return &exitError{code: 2, msg: l.T("cli.tally.no_file")}
	case fs.NArg() > 0:
		return &exitError{code: 2, msg: l.T("cli.tally.one_file", fs.Arg(0))}
	case *method == "":
		return &exitError{code: 2, msg: l.T("cli.tally.no_method", strings.Join(tally.Methods, ", "))}
	case *seats < 0:
		return &exitError{code: 2, msg: l.T("cli.tally.seats")}
	case *stages && *asJSON:
		return &exitError{code: 2, msg: l.T("cli.tally.stages_json")}
	}
	if !isMethod(*method) {
		return &exitError{code: 2, msg: l.T("cli.tally.method", *method, strings.Join(tally.Methods, ", "))}
	}
	f := *format
	if f == "" {
		f = tallyFormats[strings.ToLower(filepath.Ext(file))]
		if f == "" {
			return &exitError{code: 2, msg: l.T("cli.tally.format_ext", file)}
		}
	}
	var in io.Reader = env.stdin
	if file != "-" {
		fh, err := os.Open(file)
		if err != nil {
			return &exitError{code: 1, msg: err.Error()}
		}
		defer fh.Close()
		in = fh
	}
	var e *tally.Election
	switch f {
	case "blt":
		e, err = tally.ReadBLT(in)
	case "soc", "soi", "toi":
		e, err = tally.ReadPrefLib(in, f)
	case "csv":
		e, err = tally.ReadCSV(in)
	default:
		return &exitError{code: 2, msg: l.T("cli.tally.format", f)}
	}
	if err != nil {
		return &exitError{code: 1, msg: l.T("cli.about", file, err)}
	}
	if *seats > 0 {
		e.Seats = *seats
	}
	if e.Seats == 0 {
		if *method != tally.MethodIRV {
			return &exitError{code: 2, msg: l.T("cli.tally.no_seats", file)}
		}
		e.Seats = 1
	}
	r, err := tally.Count(*method, e, tally.Options{Seed: *seed})
	if err != nil {
		return &exitError{code: 1, msg: l.T("cli.about", file, err)}
	}
	switch {
	case *asJSON:
		return writeTallyJSON(env.stdout, r)
	case *stages:
		writeCountSheet(env.stdout, l, r)
	default:
		for _, c := range r.Elected {
			fmt.Fprintln(env.stdout, r.Candidates[c])
		}
		for _, tb := range r.TieBreaks {
			fmt.Fprintln(env.stderr, "plenum tally: "+l.T("cli.tally.tie", tb.Stage, tieText(l, r, tb)))
		}
	}
	if unfilled := r.Seats - len(r.Elected); unfilled > 0 {
		standing := len(e.Candidates) - len(e.Withdrawn)
		return &exitError{code: 1, msg: l.T("cli.tally.unfilled", unfilled, r.Seats) + ": " + l.T("cli.tally.elected_n", len(r.Elected)) + "; " +
			l.T("cli.tally.standing", len(e.Candidates), len(e.Withdrawn), standing) + ". " + l.T("cli.tally.incomplete", unfilled)}
	}
	return nil
}

// tieText is a tie of the count in l's words.
func tieText(l *i18n.Locale, r *tally.Result, tb tally.TieBreak) string {
	return l.Part(assembly.NewTieBreak(r.Method, r.Candidates, r.Seed, tb).Reason(nil))
}

func isMethod(m string) bool {
	for _, x := range tally.Methods {
		if x == m {
			return true
		}
	}
	return false
}

func tallyUsage(err error) error {
	if errors.Is(err, flag.ErrHelp) {
		return err
	}
	return &exitError{code: 2}
}

// writeTallyJSON prints the result with the candidates' names beside
// their numbers.
func writeTallyJSON(w io.Writer, r *tally.Result) error {
	out := struct {
		*tally.Result
		ElectedNames []string `json:"electedNames"`
	}{Result: r}
	for _, c := range r.Elected {
		out.ElectedNames = append(out.ElectedNames, r.Candidates[c])
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// writeCountSheet prints the stages as a table per stage, in l's words.
func writeCountSheet(w io.Writer, l *i18n.Locale, r *tally.Result) {
	title := r.Title
	if title == "" {
		title = l.T("cli.tally.count")
	}
	method := r.Method
	if l.Lang() != i18n.Default && l.Has("minutes.method."+method) {
		method = l.T("minutes.method." + method)
	}
	fmt.Fprintln(w, l.T("cli.tally.head", title, method, r.Seats, strconv.FormatUint(r.Seed, 10)))
	if !r.Quota.IsZero() {
		fmt.Fprintln(w, l.T("cli.tally.quota", r.Quota.String()))
	}
	// Scottish STV counts to five places and Meek's method to nine: show
	// every figure to that many so that the columns line up.
	places := -1
	switch r.Method {
	case tally.MethodScottishSTV:
		places = 5
	case tally.MethodMeekSTV:
		places = 9
	case tally.MethodERS97STV:
		places = 2
	}
	for _, st := range r.Stages {
		fmt.Fprint(w, "\n"+l.T("cli.tally.stage", st.Number, stageKind(l, st.Kind)))
		if st.Subject >= 0 {
			fmt.Fprintf(w, " — %s", r.Candidates[st.Subject])
		}
		fmt.Fprintln(w)
		if st.Why.Format != "" {
			fmt.Fprintf(w, "  %s\n", l.Part(st.Why))
		} else if st.Reason != "" {
			fmt.Fprintf(w, "  %s\n", st.Reason)
		}
		status := map[int]string{}
		for _, c := range st.Elected {
			status[c] = l.T("cli.tally.elected")
		}
		for _, c := range st.DeemedElected {
			status[c] = l.T("cli.tally.deemed_elected")
		}
		for _, c := range st.Excluded {
			status[c] = l.T("cli.tally.excluded")
		}
		candidate, lost, nonTransferable := l.T("cli.tally.candidate"), l.T("cli.tally.lost"), l.T("cli.tally.non_transferable")
		width := max(len([]rune(candidate)), len([]rune(lost)), len([]rune(nonTransferable)))
		for _, name := range r.Candidates {
			width = max(width, len([]rune(name)))
		}
		pad := func(s string) string { return s + strings.Repeat(" ", width-len([]rune(s))) }
		num := func(d tally.Decimal) string {
			if places >= 0 {
				return d.StringFixed(places)
			}
			return d.String()
		}
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
		if st.Changes != nil {
			fmt.Fprintf(tw, "  %s\t%s\t%s\t\n", pad(candidate), l.T("cli.tally.change"), l.T("cli.tally.total"))
		} else {
			fmt.Fprintf(tw, "  %s\t%s\t\n", pad(candidate), l.T("cli.tally.total"))
		}
		for c, name := range r.Candidates {
			if st.Changes != nil {
				fmt.Fprintf(tw, "  %s\t%s\t%s\t  %s\n", pad(name), signed(num(st.Changes[c])), num(st.Totals[c]), status[c])
			} else {
				fmt.Fprintf(tw, "  %s\t%s\t  %s\n", pad(name), num(st.Totals[c]), status[c])
			}
		}
		if st.Changes != nil {
			fmt.Fprintf(tw, "  %s\t%s\t\t\n", pad(nonTransferable), signed(num(st.NonTransferable)))
			if !st.Lost.IsZero() {
				fmt.Fprintf(tw, "  %s\t%s\t\t\n", pad(lost), signed(num(st.Lost)))
			}
		}
		tw.Flush()
	}
	if r.Pairwise != nil {
		writePairwise(w, l, r)
	}
	if len(r.TieBreaks) > 0 {
		fmt.Fprintln(w, "\n"+l.T("cli.tally.ties"))
		for _, tb := range r.TieBreaks {
			fmt.Fprintln(w, "  "+l.T("cli.tally.tie", tb.Stage, tieText(l, r, tb)))
		}
	}
	fmt.Fprintln(w, "\n"+l.T("cli.tally.elected_h"))
	for i, c := range r.Elected {
		fmt.Fprintf(w, "  %d. %s\n", i+1, r.Candidates[c])
	}
}

// writePairwise prints the Schulze method's matrix: how many votes rank
// the candidate of the row above the candidate of the column.
func writePairwise(w io.Writer, l *i18n.Locale, r *tally.Result) {
	fmt.Fprintln(w, "\n"+l.T("cli.tally.pairwise"))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprint(tw, "  \t")
	for _, name := range r.Candidates {
		fmt.Fprintf(tw, "%s\t", name)
	}
	fmt.Fprintln(tw)
	for i, name := range r.Candidates {
		fmt.Fprintf(tw, "  %s\t", name)
		for j := range r.Candidates {
			if i == j {
				fmt.Fprint(tw, "–\t")
				continue
			}
			fmt.Fprintf(tw, "%s\t", r.Pairwise[i][j])
		}
		fmt.Fprintln(tw)
	}
	tw.Flush()
}

// signed marks a positive figure with "+".
func signed(s string) string {
	if s != "" && s[0] != '-' && strings.Trim(s, "0.") != "" {
		return "+" + s
	}
	return s
}

// stageKind is the kind of a stage (tally.Stage.Kind) in l's words.
func stageKind(l *i18n.Locale, kind string) string {
	if k := "cli.tally.kind." + strings.ReplaceAll(kind, " ", "_"); l.Has(k) {
		return l.T(k)
	}
	return kind
}
