package tally

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// ErrSyntax is wrapped by every ParseError, so that callers can tell a bad
// file from other failures with errors.Is.
var ErrSyntax = errors.New("bad ballot file")

// ParseError reports what is wrong with a ballot file and on which line.
type ParseError struct {
	Line int    // 1-based line number; 0 when the fault is the file as a whole
	Msg  string // what is wrong, e.g. "preference 7 is not a candidate (there are 6)"
}

// Error writes "line N: what is wrong".
func (e *ParseError) Error() string {
	if e.Line == 0 {
		return e.Msg
	}
	return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
}

// Unwrap makes errors.Is(err, ErrSyntax) true.
func (e *ParseError) Unwrap() error { return ErrSyntax }

func perr(line int, format string, args ...any) error {
	return &ParseError{Line: line, Msg: fmt.Sprintf(format, args...)}
}

// lineReader yields the lines of a file with their numbers.
type lineReader struct {
	sc   *bufio.Scanner
	line int
}

func newLineReader(r io.Reader) *lineReader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	return &lineReader{sc: sc}
}

// next returns the next line, trimmed, and false at the end of the file.
func (lr *lineReader) next() (string, bool, error) {
	if !lr.sc.Scan() {
		return "", false, lr.sc.Err()
	}
	lr.line++
	return strings.TrimSpace(strings.TrimPrefix(lr.sc.Text(), "\ufeff")), true, nil
}

// ReadBLT reads an election in the BLT format of the ERS and OpenSTV
// tradition:
//
//	4 2              number of candidates, number of seats
//	-3               optional: withdrawn candidates, negated
//	3 1 2 0          a weight, the preferences by candidate number, 0
//	1 2=3 4 0        "=" joins candidates ranked equally
//	0                end of ballots
//	"Ann"            one name per candidate, in order
//	...
//	"Title"          optional title
//
// An optional ballot identifier in parentheses may precede the weight, as
// some tools write; text after "#" is a comment. Errors are *ParseError
// and name the line.
func ReadBLT(r io.Reader) (*Election, error) {
	lr := newLineReader(r)
	e := &Election{}
	nextLine := func() (string, bool, error) {
		for {
			l, ok, err := lr.next()
			if !ok || err != nil {
				return "", ok, err
			}
			if i := strings.IndexByte(l, '#'); i >= 0 && !strings.Contains(l[:i], `"`) {
				l = strings.TrimSpace(l[:i])
			}
			if l != "" {
				return l, true, nil
			}
		}
	}
	l, ok, err := nextLine()
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, perr(0, "empty file: a BLT file begins with the number of candidates and of seats")
	}
	f := strings.Fields(l)
	if len(f) != 2 {
		return nil, perr(lr.line, "want the number of candidates and the number of seats, got %q", l)
	}
	n, err1 := strconv.Atoi(f[0])
	seats, err2 := strconv.Atoi(f[1])
	if err1 != nil || err2 != nil || n < 1 || seats < 1 {
		return nil, perr(lr.line, "want two positive whole numbers (candidates, seats), got %q", l)
	}
	if n > 100000 {
		return nil, perr(lr.line, "%d candidates is more than this reader accepts", n)
	}
	if seats > MaxSeats {
		return nil, perr(lr.line, "%d seats is more than a count fills (at most %d)", seats, MaxSeats)
	}
	e.Seats = seats
	seen := make([]int, n+1)
	ballotNo := 0
	for {
		l, ok, err = nextLine()
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, perr(lr.line, "the file ends inside the ballots: the last ballot must be followed by a line holding 0")
		}
		if strings.HasPrefix(l, "-") {
			if len(e.Ballots) > 0 {
				return nil, perr(lr.line, "withdrawn candidates (negative numbers) must come before the ballots")
			}
			for _, t := range strings.Fields(l) {
				w, err := strconv.Atoi(t)
				if err != nil || w >= 0 {
					return nil, perr(lr.line, "%q is not a withdrawn candidate (a negative candidate number)", t)
				}
				if -w > n {
					return nil, perr(lr.line, "withdrawn candidate %d is not a candidate (there are %d)", -w, n)
				}
				e.Withdrawn = append(e.Withdrawn, -w-1)
			}
			continue
		}
		if l == "0" {
			break
		}
		f := strings.Fields(l)
		if strings.HasPrefix(f[0], "(") {
			if !strings.HasSuffix(f[0], ")") {
				return nil, perr(lr.line, "ballot identifier %q lacks its closing parenthesis", f[0])
			}
			f = f[1:]
			if len(f) == 0 {
				return nil, perr(lr.line, "a ballot identifier with no ballot")
			}
		}
		w, err := ParseDecimal(f[0])
		if err != nil || w.Sign() < 0 {
			return nil, perr(lr.line, "ballot weight %q is not a number of zero or more", f[0])
		}
		if len(f) < 2 || f[len(f)-1] != "0" {
			return nil, perr(lr.line, "a ballot must end with 0")
		}
		ballotNo++
		b := Ballot{Weight: w}
		for _, t := range f[1 : len(f)-1] {
			var rank []int
			for _, p := range strings.Split(t, "=") {
				c, err := strconv.Atoi(p)
				if err != nil {
					return nil, perr(lr.line, "preference %q is not a candidate number", p)
				}
				if c < 1 || c > n {
					return nil, perr(lr.line, "preference %d is not a candidate (there are %d)", c, n)
				}
				if seen[c] == ballotNo {
					return nil, perr(lr.line, "candidate %d is ranked twice", c)
				}
				seen[c] = ballotNo
				rank = append(rank, c-1)
			}
			b.Ranking = append(b.Ranking, rank)
		}
		e.Ballots = append(e.Ballots, b)
	}
	// Names, then the title.
	var strs []string
	for {
		l, ok, err = nextLine()
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		ss, err := bltStrings(l)
		if err != nil {
			return nil, perr(lr.line, "%v", err)
		}
		strs = append(strs, ss...)
		if len(strs) > n+1 {
			return nil, perr(lr.line, "more names than the %d candidates and a title", n)
		}
	}
	if len(strs) < n {
		return nil, perr(lr.line, "%d candidate names for %d candidates", len(strs), n)
	}
	e.Candidates = strs[:n]
	if len(strs) == n+1 {
		e.Title = strs[n]
	}
	return e, nil
}

// bltStrings splits a line of names: each quoted ("Ann Smith"), or the
// whole line unquoted.
func bltStrings(l string) ([]string, error) {
	if !strings.HasPrefix(l, `"`) {
		return []string{l}, nil
	}
	var out []string
	for l != "" {
		if !strings.HasPrefix(l, `"`) {
			return nil, fmt.Errorf("unexpected %q between quoted names", l)
		}
		end := strings.IndexByte(l[1:], '"')
		if end < 0 {
			return nil, fmt.Errorf("a name lacks its closing quote")
		}
		out = append(out, l[1:end+1])
		l = strings.TrimSpace(l[end+2:])
	}
	return out, nil
}
