package assembly

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"plenum/internal/jsonfast"
)

// Command is one thing someone does at an assembly: one Go struct per
// command of docs/script.md. Commands are values (CastBallot, not
// *CastBallot).
type Command interface {
	// CommandName is the command's name in scripts and the API ("cast_ballot").
	CommandName() string
	decide(s *State, m Meta) ([]Event, error)
}

// Meta is the context a command arrives in: which assembly, on whose
// authority, when, and its idempotency key. Every event carries the Meta of
// the command it came from.
type Meta struct {
	Assembly string    `json:"assembly"`
	Actor    string    `json:"actor"`
	At       time.Time `json:"at"`
	Key      string    `json:"key,omitempty"`
	// Req identifies the request a keyed command came in (a hash of its
	// name, assembly and arguments, made by package engine), so that the
	// key reused for another command is refused, after a restart too.
	// Events recorded before it was kept have none.
	Req string `json:"req,omitempty"`
}

// EventMeta returns the context of the command an event came from.
func (m Meta) EventMeta() Meta { return m }

// Envelope is one line of a command script or one API request: the
// command's name, its context and its arguments still as JSON.
type Envelope struct {
	Cmd      string          `json:"cmd"`
	Assembly string          `json:"assembly,omitempty"`
	Actor    string          `json:"actor"`
	At       time.Time       `json:"at"`
	Key      string          `json:"key,omitempty"`
	Args     json.RawMessage `json:"args,omitempty"`
}

// Meta returns the envelope's context.
func (env Envelope) Meta() Meta {
	return Meta{Assembly: env.Assembly, Actor: env.Actor, At: env.At, Key: env.Key}
}

// ParseEnvelope reads one JSON line into an Envelope, strictly: unknown
// fields, a missing cmd, actor or at, a malformed id, and a key given
// twice in any object of the line (jsonfast.FindDuplicate), the
// arguments' too, are refused.
func ParseEnvelope(line []byte) (Envelope, error) {
	var env Envelope
	if !utf8.Valid(line) {
		// encoding/json would replace the bytes silently with U+FFFD.
		at := 0
		for at < len(line) {
			r, n := utf8.DecodeRune(line[at:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			at += n
		}
		return Envelope{}, fieldErr("", "the command line is not valid UTF-8 (at byte %d): save the script as UTF-8", at)
	}
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&env); err != nil {
		return Envelope{}, fieldErr("", "the command line is not valid: %s", jsonMsg(err))
	}
	if _, err := dec.Token(); err != io.EOF {
		return Envelope{}, fieldErr("", "the command line has more after its JSON object")
	}
	if d, twice := jsonfast.FindDuplicate(line); twice {
		// encoding/json took the last; a reader of the script, the first.
		if d.In == "" {
			return Envelope{}, fieldErr(d.Name, "the command line gives the key %s twice: give each key once", d.Names())
		}
		return Envelope{}, fieldErr(duplicateField(d), "the command line gives the key %s twice, in %s: give each key once", d.Names(), d.In)
	}
	switch {
	case env.Cmd == "":
		return Envelope{}, fieldErr("cmd", "the command has no cmd: say what is to be done")
	case env.Actor == "":
		return Envelope{}, fieldErr("actor", "the command %s has no actor: say on whose authority it is given", env.Cmd)
	case env.At.IsZero():
		return Envelope{}, fieldErr("at", "the command %s has no time (at)", env.Cmd)
	}
	if err := checkID(env.Actor); err != nil {
		return Envelope{}, fieldErr("actor", "the actor %q is not a valid id: %s", env.Actor, err)
	}
	if env.Assembly != "" {
		if err := checkID(env.Assembly); err != nil {
			return Envelope{}, fieldErr("assembly", "the assembly %q is not a valid id: %s", env.Assembly, err)
		}
	}
	if _, ok := commandTypes[env.Cmd]; !ok {
		return Envelope{}, fieldErr("cmd", "unknown command %q", env.Cmd)
	}
	return env, nil
}

// ParseCommand decodes the envelope's arguments into the command it names,
// strictly: an unknown command or field, a key given twice in any object
// of the arguments, a missing required field or a malformed id, date or
// choice is refused with an error naming the field.
func ParseCommand(env Envelope) (Command, error) {
	t, ok := commandTypes[env.Cmd]
	if !ok {
		return nil, fieldErr("cmd", "unknown command %q; the commands are listed in docs/script.md", env.Cmd)
	}
	args := bytes.TrimSpace(env.Args)
	if len(args) == 0 || bytes.Equal(args, []byte("null")) {
		args = []byte("{}")
	}
	if env.Cmd == "cast_ballot" {
		if c, ok, err := parseCastBallot(args); ok {
			return c, err
		}
	}
	p := reflect.New(t)
	if readPlainArgs(p.Elem(), args) {
		if err := validateStruct(env.Cmd, p.Elem()); err != nil {
			return nil, err
		}
		return p.Elem().Interface().(Command), nil
	}
	return parseArgsJSON(env.Cmd, t, args)
}

// parseCastBallot is ParseCommand for cast_ballot's arguments, every
// ballot's, without reflection: the plain ones that readPlainArgs reads
// (each member once, spelt as its json tag, a plain string), checked as
// validateStruct checks CastBallot's tags (checkCastBallot). It reports
// false for any other arguments, which then go the general way.
// TestCastBallotParsedAsReflectionDoes and its fuzz compare the two ways.
func parseCastBallot(args []byte) (Command, bool, error) {
	// raw holds each member's bytes, within args, by its bit's place:
	// vote, voter, choice, for_mandate, token.
	var raw [5][]byte
	var seen uint8
	s := jsonfast.NewScanner(args)
	for first := true; ; first = false {
		name, end, ok := s.Member(first)
		if !ok {
			return nil, false, nil
		}
		if end {
			if !s.End() {
				return nil, false, nil
			}
			break
		}
		var i uint8
		switch string(name) {
		case "vote":
			i = 0
		case "voter":
			i = 1
		case "choice":
			i = 2
		case "for_mandate":
			i = 3
		case "token":
			i = 4
		default:
			return nil, false, nil
		}
		if seen&(1<<i) != 0 {
			return nil, false, nil
		}
		seen |= 1 << i
		v, ok := s.String()
		if !ok {
			return nil, false, nil
		}
		raw[i] = v
	}
	// The ids and the choice are copied out of args as one string and
	// sliced from it, one allocation for a ballot rather than one a
	// member. The token, a secret ballot's, gets its own, so that no id
	// kept after the ballot keeps the token in memory with it.
	var all strings.Builder
	all.Grow(len(raw[0]) + len(raw[1]) + len(raw[2]) + len(raw[3]))
	for _, v := range raw[:4] {
		all.Write(v)
	}
	joined := all.String()
	var f [4]string
	for i, v := range raw[:4] {
		f[i], joined = joined[:len(v)], joined[len(v):]
	}
	c := CastBallot{Vote: f[0], Voter: f[1], Choice: f[2], ForMandate: f[3]}
	if len(raw[4]) > 0 {
		c.Token = string(raw[4])
	}
	if err := checkCastBallot(&c); err != nil {
		return nil, true, err
	}
	return c, true, nil
}

// checkCastBallot is validateStruct for a CastBallot, its tags written
// out: vote and voter required ids, choice required, for_mandate an id
// if given, token unchecked (TestCastBallotTagsAsChecked holds the tags
// to it).
func checkCastBallot(c *CastBallot) error {
	const cmd = "cast_ballot"
	for _, f := range [2]struct{ name, v string }{{"vote", c.Vote}, {"voter", c.Voter}} {
		if f.v == "" {
			return requiredErr(cmd, f.name)
		}
		if err := checkID(f.v); err != nil {
			return invalidIDErr(cmd, f.name, f.v, err)
		}
	}
	if c.Choice == "" {
		return requiredErr(cmd, "choice")
	}
	if c.ForMandate != "" {
		if err := checkID(c.ForMandate); err != nil {
			return invalidIDErr(cmd, "for_mandate", c.ForMandate, err)
		}
	}
	return nil
}

// requiredErr refuses cmd for the missing field name (the tag
// "required"; validateStruct and checkCastBallot).
func requiredErr(cmd, name string) error {
	return fieldErr(name, "%s: the field %q is required", CommandName(cmd), FieldName{cmd, name})
}

// invalidIDErr refuses cmd for the value s of the field name, not an id
// (the tag "id"; validateStruct and checkCastBallot).
func invalidIDErr(cmd, name, s string, err error) error {
	return fieldErr(name, "%s: %q in the field %q is not a valid id: %s", CommandName(cmd), s, FieldName{cmd, name}, err)
}

// parseArgsJSON is ParseCommand through encoding/json, for any arguments.
func parseArgsJSON(cmd string, t reflect.Type, args []byte) (Command, error) {
	p := reflect.New(t)
	dec := json.NewDecoder(bytes.NewReader(args))
	dec.DisallowUnknownFields()
	if err := dec.Decode(p.Interface()); err != nil {
		return nil, fieldErr(jsonField(err), "%s: %s", CommandName(cmd), jsonMsg(err))
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fieldErr("", "%s: the arguments have more after their JSON object", CommandName(cmd))
	}
	if d, twice := jsonfast.FindDuplicate(args); twice {
		// encoding/json took the last. The plain arguments of
		// readPlainArgs and parseCastBallot, every ballot's, never come
		// here with a name twice: they leave such arguments to this.
		if d.In == "" {
			return nil, fieldErr(d.Name, "%s: the arguments give the key %s twice: give each key once", CommandName(cmd), d.Names())
		}
		return nil, fieldErr(duplicateField(d), "%s: the arguments give the key %s twice, in %s: give each key once", CommandName(cmd), d.Names(), d.In)
	}
	if err := validateStruct(cmd, p.Elem()); err != nil {
		return nil, err
	}
	return p.Elem().Interface().(Command), nil
}

// duplicateField is the field a name given twice below the top (d.In)
// is in: the first member of its path ("sealed" of "sealed[0]").
func duplicateField(d jsonfast.Duplicate) string {
	f, _, _ := strings.Cut(d.In, ".")
	f, _, _ = strings.Cut(f, "[")
	return f
}

// jsonMsg turns encoding/json's messages into words.
func jsonMsg(err error) *Reason {
	var ute *json.UnmarshalTypeError
	if errors.As(err, &ute) {
		return reason("the field %q must be %s, not a JSON %s", ute.Field, kindWord(ute.Type), ute.Value)
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		// encoding/json's own words stay as they are, in parentheses.
		return reason("malformed JSON at byte %d (%s)", se.Offset, se.Error())
	}
	if f := jsonField(err); f != "" {
		return reason("unknown field %q", f)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return reason("the JSON ends too soon")
	}
	var r *Reason // from a value's own UnmarshalJSON (a count)
	if errors.As(err, &r) {
		return r
	}
	// Any other message of encoding/json stays in its words, in parentheses.
	return reason("the JSON cannot be read (%s)", strings.TrimPrefix(err.Error(), "json: "))
}

func jsonField(err error) string {
	var ute *json.UnmarshalTypeError
	if errors.As(err, &ute) {
		return ute.Field
	}
	msg := err.Error()
	if i := strings.Index(msg, "unknown field \""); i >= 0 {
		f := msg[i+len("unknown field \""):]
		return strings.TrimSuffix(f, "\"")
	}
	return ""
}

func kindWord(t reflect.Type) any {
	switch t.Kind() {
	case reflect.String:
		return reason("a string")
	case reflect.Int, reflect.Int64:
		return reason("a whole number")
	case reflect.Bool:
		return reason("true or false")
	case reflect.Slice:
		return reason("a list")
	case reflect.Struct, reflect.Map:
		return reason("an object")
	}
	return t.String()
}

// checkID reports why s is not an id: lower case letters, digits, '-' and
// '_', 1 to 64 characters.
func checkID(s string) error {
	if s == "" {
		return reason("it is empty")
	}
	if len(s) > 64 {
		return reason("it is longer than 64 characters")
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return reason("%q is not allowed; use lower case letters, digits, '-' and '_'", c)
		}
	}
	return nil
}

// validateStruct checks the `plenum` tags of a decoded command, as
// parseRules reads them (describe.go): required, id (a string or list of
// ids), date (YYYY-MM-DD), enum=a|b|c, positive (not negative).
func validateStruct(cmd string, v reflect.Value) error {
	t := v.Type()
	for _, c := range checksOf(t) {
		fv0 := v.Field(c.index)
		switch {
		case fv0.Kind() == reflect.Slice && fv0.Type().Elem().Kind() == reflect.Struct:
			for j := 0; j < fv0.Len(); j++ {
				if err := validateStruct(cmd, fv0.Index(j)); err != nil {
					return err
				}
			}
		case fv0.Kind() == reflect.Pointer && fv0.Type().Elem().Kind() == reflect.Struct && !fv0.IsNil():
			if err := validateStruct(cmd, fv0.Elem()); err != nil {
				return err
			}
		}
		if !c.tagged {
			continue
		}
		if c.err != nil {
			return fmt.Errorf("%s: %s.%s: %w", cmd, t, t.Field(c.index).Name, c.err)
		}
		rules, name := c.rules, c.name
		fv := fv0
		if rules.required && fv.IsZero() {
			return requiredErr(cmd, name)
		}
		if rules.id {
			switch fv.Kind() {
			case reflect.String:
				if s := fv.String(); s != "" {
					if err := checkID(s); err != nil {
						return invalidIDErr(cmd, name, s, err)
					}
				}
			case reflect.Slice:
				seen := map[string]bool{}
				for j := 0; j < fv.Len(); j++ {
					s := fv.Index(j).String()
					if err := checkID(s); err != nil {
						return invalidIDErr(cmd, name, s, err)
					}
					if seen[s] {
						return fieldErr(name, "%s: %q is named twice in the field %q", CommandName(cmd), s, FieldName{cmd, name})
					}
					seen[s] = true
				}
			}
		}
		if rules.date {
			if s := fv.String(); s != "" {
				if _, err := time.Parse("2006-01-02", s); err != nil {
					return fieldErr(name, "%s: the field %q must be a date YYYY-MM-DD, not %q", CommandName(cmd), FieldName{cmd, name}, s)
				}
			}
		}
		if allowed := rules.enum; allowed != nil {
			check := func(s string) error {
				if s == "" {
					return nil
				}
				for _, a := range allowed {
					if s == a {
						return nil
					}
				}
				return fieldErr(name, "%s: the field %q must be one of %s, not %q", CommandName(cmd), FieldName{cmd, name}, strings.Join(allowed, ", "), s)
			}
			if fv.Kind() == reflect.Slice {
				for j := 0; j < fv.Len(); j++ {
					if err := check(fv.Index(j).String()); err != nil {
						return err
					}
				}
			} else if err := check(fv.String()); err != nil {
				return err
			}
		}
		if rules.positive && fv.Int() < 0 {
			return fieldErr(name, "%s: the field %q must not be negative", CommandName(cmd), FieldName{cmd, name})
		}
	}
	return nil
}

// fieldCheck is what validateStruct checks of one field of a struct: its
// plenum tag read once per type (checksOf), not for every command.
type fieldCheck struct {
	index  int
	tagged bool       // it has a plenum tag
	rules  fieldRules // the tag's rules
	err    error      // the tag does not parse
	name   string     // the field's name in JSON
}

var fieldChecks sync.Map // reflect.Type → []fieldCheck

// checksOf returns the checks of the fields of the struct type t, in
// order.
func checksOf(t reflect.Type) []fieldCheck {
	if c, ok := fieldChecks.Load(t); ok {
		return c.([]fieldCheck)
	}
	cs := make([]fieldCheck, t.NumField())
	for i := range cs {
		f := t.Field(i)
		cs[i].index = i
		if tag := f.Tag.Get("plenum"); tag != "" {
			cs[i].tagged = true
			cs[i].rules, cs[i].err = parseRules(tag)
			cs[i].name = strings.Split(f.Tag.Get("json"), ",")[0]
		}
	}
	fieldChecks.Store(t, cs)
	return cs
}

var commandTypes = map[string]reflect.Type{}

func registerCommands(cs ...Command) {
	for _, c := range cs {
		commandTypes[c.CommandName()] = reflect.TypeOf(c)
	}
}

// CommandNames lists every command plenum knows, sorted.
func CommandNames() []string {
	names := make([]string, 0, len(commandTypes))
	for n := range commandTypes {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
