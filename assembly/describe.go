package assembly

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
)

// CommandDoc describes the arguments of one command as ParseCommand reads
// them: derived by reflection from the command's struct, its `json` names
// and its `plenum` tags, so that it cannot drift from the code.
type CommandDoc struct {
	Name string   // the command's name ("cast_ballot")
	Args []ArgDoc // in the struct's order
}

// ArgDoc describes one argument (or a field of a nested object, or the
// elements of a list).
type ArgDoc struct {
	Name string // the JSON name; empty for list elements and map values
	// Type is one of:
	//   "string", "integer", "boolean",
	//   "array"  (Items describes the elements),
	//   "object" (Fields describes its fields; unknown fields are refused),
	//   "map"    (an object with any keys; Values describes the values),
	//   "count"  (a number of votes: a whole number, a range "62-68", or
	//            one of the words rest, majority, minority, unstated),
	//   "quorum" (a whole number, or none, majority_of_members,
	//            majority_of_mandates).
	Type string
	// Required: the argument must be given and not empty (not "", 0,
	// false or []).
	Required bool
	// ID: a string, or each string of a list, is an id (IDPattern); the
	// strings of a list are different.
	ID bool
	// Date: a date YYYY-MM-DD.
	Date bool
	// NonNegative: an integer that must not be negative.
	NonNegative bool
	// Enum: the string, or each string of a list, is one of these.
	Enum   []string
	Items  *ArgDoc  // Type "array"
	Fields []ArgDoc // Type "object"
	Values *ArgDoc  // Type "map"
}

// IDPattern is the rule for ids as a regular expression (checkID): lower
// case letters, digits, '-' and '_', 1 to 64 characters.
const IDPattern = `^[a-z0-9_-]{1,64}$`

// fieldRules is a `plenum` tag read: required, id, date, positive (not
// negative), enum=a|b|c. validateStruct checks a decoded command by it and
// DescribeCommand describes the command by it.
type fieldRules struct {
	required, id, date, positive bool
	enum                         []string
}

// parseRules reads a `plenum` tag; an unknown option is an error (a typo
// in a tag would otherwise check nothing).
func parseRules(tag string) (fieldRules, error) {
	var r fieldRules
	if tag == "" {
		return r, nil
	}
	for _, opt := range strings.Split(tag, ",") {
		switch {
		case opt == "required":
			r.required = true
		case opt == "id":
			r.id = true
		case opt == "date":
			r.date = true
		case opt == "positive":
			r.positive = true
		case strings.HasPrefix(opt, "enum="):
			r.enum = strings.Split(strings.TrimPrefix(opt, "enum="), "|")
		default:
			return r, fmt.Errorf("unknown option %q in the plenum tag %q", opt, tag)
		}
	}
	return r, nil
}

// jsonName is a field's name in JSON, and false for a field JSON skips.
func jsonName(f reflect.StructField) (string, bool) {
	if !f.IsExported() {
		return "", false
	}
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	if name == "-" {
		return "", false
	}
	if name == "" {
		name = f.Name
	}
	return name, true
}

// customTypes are the argument types that read themselves from JSON
// (UnmarshalJSON): their shape is not their Go struct's, so it is said here.
// describeType refuses any other type that reads itself.
var customTypes = map[reflect.Type]func() ArgDoc{
	// A message of package ballot, in its canonical JSON
	// (docs/secret-ballots.md, "Encodings").
	reflect.TypeFor[json.RawMessage](): func() ArgDoc { return ArgDoc{Type: "object"} },
	reflect.TypeFor[Count]():           func() ArgDoc { return ArgDoc{Type: "count"} },
	reflect.TypeFor[QuorumRule]():      func() ArgDoc { return ArgDoc{Type: "quorum"} },
	// A sealed vote also reads a bare choice, but only in records written
	// before ballots had tokens; it is described as it is written now.
	reflect.TypeFor[SealedChoice](): func() ArgDoc {
		return ArgDoc{Type: "object", Fields: []ArgDoc{{Name: "token", Type: "string"}, {Name: "choice", Type: "string"}}}
	},
}

var unmarshalerType = reflect.TypeFor[json.Unmarshaler]()

// describeType describes a value of type t (its name and tag rules are
// added by the caller).
func describeType(t reflect.Type) (ArgDoc, error) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if f, ok := customTypes[t]; ok {
		return f(), nil
	}
	if reflect.PointerTo(t).Implements(unmarshalerType) {
		return ArgDoc{}, fmt.Errorf("%s reads itself from JSON: say its shape in customTypes (describe.go)", t)
	}
	switch t.Kind() {
	case reflect.String:
		return ArgDoc{Type: "string"}, nil
	case reflect.Bool:
		return ArgDoc{Type: "boolean"}, nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return ArgDoc{Type: "integer"}, nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return ArgDoc{Type: "integer", NonNegative: true}, nil
	case reflect.Slice:
		el, err := describeType(t.Elem())
		if err != nil {
			return ArgDoc{}, err
		}
		return ArgDoc{Type: "array", Items: &el}, nil
	case reflect.Map:
		if t.Key().Kind() != reflect.String {
			return ArgDoc{}, fmt.Errorf("%s: only maps with string keys are described", t)
		}
		v, err := describeType(t.Elem())
		if err != nil {
			return ArgDoc{}, err
		}
		return ArgDoc{Type: "map", Values: &v}, nil
	case reflect.Struct:
		fields, err := describeFields(t)
		if err != nil {
			return ArgDoc{}, err
		}
		return ArgDoc{Type: "object", Fields: fields}, nil
	}
	return ArgDoc{}, fmt.Errorf("%s: a %s is not described", t, t.Kind())
}

// describeFields describes the fields of a struct with their tag rules. A
// rule on a list applies to its elements (id, enum), as validateStruct
// applies it.
func describeFields(t reflect.Type) ([]ArgDoc, error) {
	var out []ArgDoc
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Anonymous {
			return nil, fmt.Errorf("%s.%s: embedded fields are not described", t, f.Name)
		}
		name, ok := jsonName(f)
		if !ok {
			continue
		}
		a, err := describeType(f.Type)
		if err != nil {
			return nil, fmt.Errorf("%s.%s: %w", t, f.Name, err)
		}
		r, err := parseRules(f.Tag.Get("plenum"))
		if err != nil {
			return nil, fmt.Errorf("%s.%s: %w", t, f.Name, err)
		}
		a.Name = name
		a.Required = r.required
		a.NonNegative = a.NonNegative || r.positive
		target := &a // where id, date and enum apply: the string, or a list's strings
		if a.Type == "array" && a.Items.Type == "string" {
			target = a.Items
		}
		if (r.id || r.date || r.enum != nil) && target.Type != "string" {
			return nil, fmt.Errorf("%s.%s: id, date and enum apply to strings and lists of strings", t, f.Name)
		}
		if r.positive && a.Type != "integer" {
			return nil, fmt.Errorf("%s.%s: positive applies to integers", t, f.Name)
		}
		a.ID = r.id
		target.ID = r.id
		target.Date = r.date
		target.Enum = r.enum
		out = append(out, a)
	}
	return out, nil
}

// DescribeCommand describes the arguments of the command name, or returns
// false for a command plenum does not know.
func DescribeCommand(name string) (CommandDoc, bool) {
	t, ok := commandTypes[name]
	if !ok {
		return CommandDoc{}, false
	}
	args, err := describeFields(t)
	if err != nil {
		// The command structs are fixed at build time; TestDescribeCommand
		// describes every one, so this is a programming error.
		panic(fmt.Sprintf("assembly: describing %s: %v", name, err))
	}
	return CommandDoc{Name: name, Args: args}, true
}
