package tally

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// PrefLib data types read by ReadPrefLib.
const (
	FormatSOC = "soc" // strict orders, complete
	FormatSOI = "soi" // strict orders, incomplete
	FormatTOI = "toi" // orders with ties, incomplete
)

// ReadPrefLib reads ranked ballots in a PrefLib format (format is "soc",
// "soi" or "toi"), either the current one, with "# KEY: value" metadata
// lines ("# ALTERNATIVE NAME 1: Ann") and orders written "count: 1,{2,3},4",
// or the older one that begins with the number of alternatives, their
// names ("1,Ann"), a line of voter counts and orders "count,1,{2,3},4".
// Braces hold alternatives ranked equally; they are refused in soc and soi.
// A soc ballot must rank every alternative. PrefLib files do not say how
// many seats there are: the caller sets Election.Seats. Errors are
// *ParseError and name the line.
func ReadPrefLib(r io.Reader, format string) (*Election, error) {
	switch format {
	case FormatSOC, FormatSOI, FormatTOI:
	default:
		return nil, fmt.Errorf("PrefLib format %q: want soc, soi or toi", format)
	}
	lr := newLineReader(r)
	e := &Election{}
	names := map[int]string{}
	n := -1
	oldStyle := false
	oldHeader := 0 // lines of the old header still to read: names, then counts
	for {
		l, ok, err := lr.next()
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		if l == "" {
			continue
		}
		if strings.HasPrefix(l, "#") {
			key, val, found := strings.Cut(strings.TrimSpace(l[1:]), ":")
			if !found {
				continue
			}
			key, val = strings.ToUpper(strings.TrimSpace(key)), strings.TrimSpace(val)
			switch {
			case key == "TITLE":
				e.Title = val
			case key == "DATA TYPE":
				if val != format {
					return nil, perr(lr.line, "the file says its data type is %q but it is read as %q", val, format)
				}
			case key == "NUMBER ALTERNATIVES":
				v, err := strconv.Atoi(val)
				if err != nil || v < 1 {
					return nil, perr(lr.line, "number of alternatives %q is not a positive whole number", val)
				}
				n = v
			case strings.HasPrefix(key, "ALTERNATIVE NAME "):
				i, err := strconv.Atoi(strings.TrimPrefix(key, "ALTERNATIVE NAME "))
				if err != nil || i < 1 {
					return nil, perr(lr.line, "bad alternative number in %q", key)
				}
				names[i] = val
			}
			continue
		}
		if n < 0 {
			// The old format: the first line is the number of alternatives.
			v, err := strconv.Atoi(l)
			if err != nil || v < 1 {
				return nil, perr(lr.line, "want the number of alternatives or \"# NUMBER ALTERNATIVES: n\", got %q", l)
			}
			n, oldStyle, oldHeader = v, true, v+1
			continue
		}
		if oldStyle && oldHeader > 0 {
			oldHeader--
			if oldHeader == 0 {
				continue // voters, sum of counts, unique orders
			}
			num, name, found := strings.Cut(l, ",")
			i, err := strconv.Atoi(strings.TrimSpace(num))
			if !found || err != nil || i < 1 {
				return nil, perr(lr.line, "want \"number,name\" for an alternative, got %q", l)
			}
			names[i] = strings.TrimSpace(name)
			continue
		}
		var countText, order string
		if c, o, found := strings.Cut(l, ":"); found && !oldStyle {
			countText, order = c, o
		} else {
			c, o, _ := strings.Cut(l, ",")
			countText, order = c, o
		}
		w, err := ParseDecimal(strings.TrimSpace(countText))
		if err != nil || w.Sign() < 0 {
			return nil, perr(lr.line, "count %q is not a number of zero or more", strings.TrimSpace(countText))
		}
		ranking, err := parsePrefLibOrder(order, n, format)
		if err != nil {
			return nil, perr(lr.line, "%v", err)
		}
		e.Ballots = append(e.Ballots, Ballot{Weight: w, Ranking: ranking})
	}
	if n < 0 {
		return nil, perr(0, "no alternatives: the file lacks \"# NUMBER ALTERNATIVES\"")
	}
	e.Candidates = make([]string, n)
	for i := range n {
		if nm, ok := names[i+1]; ok {
			e.Candidates[i] = nm
		} else {
			e.Candidates[i] = "Alternative " + strconv.Itoa(i+1)
		}
	}
	return e, nil
}

// parsePrefLibOrder parses "1,{2,3},4" into ranks of 0-based candidates.
func parsePrefLibOrder(s string, n int, format string) ([][]int, error) {
	// Split at the commas outside braces.
	var parts []string
	depth, from := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			if depth > 0 {
				return nil, fmt.Errorf("braces inside braces")
			}
			depth++
		case '}':
			if depth == 0 {
				return nil, fmt.Errorf("a } without its {")
			}
			depth--
		case ',':
			if depth == 0 {
				parts = append(parts, s[from:i])
				from = i + 1
			}
		}
	}
	if depth > 0 {
		return nil, fmt.Errorf("a { lacks its closing }")
	}
	parts = append(parts, s[from:])
	var ranking [][]int
	seen := make([]bool, n)
	for _, p := range parts {
		p = strings.TrimSpace(p)
		var toks []string
		if strings.HasPrefix(p, "{") {
			if format != FormatTOI {
				return nil, fmt.Errorf("equal preferences {…} are not allowed in %s", format)
			}
			inner := strings.TrimSpace(strings.TrimSuffix(p[1:], "}"))
			if inner == "" {
				continue
			}
			toks = strings.Split(inner, ",")
		} else {
			if p == "" {
				if len(parts) == 1 {
					break // an empty order
				}
				return nil, fmt.Errorf("an empty preference between commas")
			}
			toks = []string{p}
		}
		var rank []int
		for _, t := range toks {
			t = strings.TrimSpace(t)
			c, err := strconv.Atoi(t)
			if err != nil {
				return nil, fmt.Errorf("preference %q is not an alternative number", t)
			}
			if c < 1 || c > n {
				return nil, fmt.Errorf("preference %d is not an alternative (there are %d)", c, n)
			}
			if seen[c-1] {
				return nil, fmt.Errorf("alternative %d is ranked twice", c)
			}
			seen[c-1] = true
			rank = append(rank, c-1)
		}
		ranking = append(ranking, rank)
	}
	if format == FormatSOC {
		for c, ok := range seen {
			if !ok {
				return nil, fmt.Errorf("alternative %d is not ranked, but soc ballots rank every alternative", c+1)
			}
		}
	}
	return ranking, nil
}

// ReadCSV reads ranked ballots from a plain CSV table, as a spreadsheet or
// an online form exports it. The first row names the candidates, one per
// column; a first column headed "weight" (any case) may give each row's
// weight. Each further row is a ballot: in each candidate's column the rank
// given to that candidate (1 for the first preference), or nothing. Equal
// numbers are equal preferences; gaps between ranks are closed up. Lines
// beginning with "#" are comments. The file does not say how many seats
// there are: the caller sets Election.Seats. Errors are *ParseError and
// name the line.
func ReadCSV(r io.Reader) (*Election, error) {
	cr := csv.NewReader(r)
	cr.Comment = '#'
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	header, err := cr.Read()
	if err == io.EOF {
		return nil, perr(0, "empty file: the first row must name the candidates")
	}
	if err != nil {
		return nil, csvErr(err)
	}
	line, _ := cr.FieldPos(0)
	weighted := len(header) > 0 && strings.EqualFold(strings.TrimSpace(strings.TrimPrefix(header[0], "\ufeff")), "weight")
	first := 0
	if weighted {
		first = 1
	}
	e := &Election{}
	for i, h := range header[first:] {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		if h == "" {
			return nil, perr(line, "column %d has no candidate name", first+i+1)
		}
		e.Candidates = append(e.Candidates, h)
	}
	if len(e.Candidates) == 0 {
		return nil, perr(line, "no candidates named in the first row")
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, csvErr(err)
		}
		line, _ = cr.FieldPos(0)
		if len(rec) > len(header) {
			return nil, perr(line, "%d fields but the first row has %d", len(rec), len(header))
		}
		b := Ballot{Weight: Int(1)}
		if weighted {
			w, err := ParseDecimal(strings.TrimSpace(rec[0]))
			if err != nil || w.Sign() < 0 {
				return nil, perr(line, "weight %q is not a number of zero or more", rec[0])
			}
			b.Weight = w
		}
		byRank := map[int][]int{}
		var ranks []int
		for i := first; i < len(rec); i++ {
			f := strings.TrimSpace(rec[i])
			if f == "" {
				continue
			}
			k, err := strconv.Atoi(f)
			if err != nil || k < 1 {
				return nil, perr(line, "rank %q for %s is not a whole number from 1", f, e.Candidates[i-first])
			}
			if _, ok := byRank[k]; !ok {
				ranks = append(ranks, k)
			}
			byRank[k] = append(byRank[k], i-first)
		}
		slices.Sort(ranks)
		for _, k := range ranks {
			b.Ranking = append(b.Ranking, byRank[k])
		}
		e.Ballots = append(e.Ballots, b)
	}
	return e, nil
}

func csvErr(err error) error {
	if pe, ok := err.(*csv.ParseError); ok {
		return perr(pe.Line, "%v", pe.Err)
	}
	return err
}
