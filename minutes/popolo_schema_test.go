package minutes

import (
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"
)

// draft3 is a JSON Schema draft-03 validator for the keywords the Popolo
// schemas use: type (a name or a list), properties with required: true,
// items, pattern, format (date-time, email, uri), enum, and $ref to a
// sibling file by its id URL. Unknown keywords are ignored, as the draft
// says.
type draft3 struct {
	dir     string
	schemas map[string]map[string]any // file name → schema
}

func newDraft3(dir string) *draft3 { return &draft3{dir: dir, schemas: map[string]map[string]any{}} }

// load reads a schema by a $ref ("http://www.popoloproject.com/schemas/person.json#")
// or a file name ("person.json").
func (v *draft3) load(ref string) (map[string]any, error) {
	name := ref
	if u, err := url.Parse(ref); err == nil && u.Path != "" {
		name = filepath.Base(u.Path)
	}
	name = strings.TrimSuffix(name, "#")
	if s, ok := v.schemas[name]; ok {
		return s, nil
	}
	b, err := os.ReadFile(filepath.Join(v.dir, name))
	if err != nil {
		return nil, err
	}
	var s map[string]any
	if err := json.Unmarshal(b, &s); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	v.schemas[name] = s
	return s, nil
}

// validate checks value against schema and returns every violation, each
// with its JSON path.
func (v *draft3) validate(path string, value any, schema map[string]any) []string {
	if ref, ok := schema["$ref"].(string); ok {
		s, err := v.load(ref)
		if err != nil {
			return []string{fmt.Sprintf("%s: cannot load %s: %v", path, ref, err)}
		}
		return v.validate(path, value, s)
	}
	var errs []string
	if t, ok := schema["type"]; ok && !typeMatches(t, value) {
		return []string{fmt.Sprintf("%s: %s is not of type %v", path, describe(value), t)}
	}
	if enum, ok := schema["enum"].([]any); ok {
		found := false
		for _, e := range enum {
			if fmt.Sprint(e) == fmt.Sprint(value) {
				found = true
			}
		}
		if !found {
			errs = append(errs, fmt.Sprintf("%s: %v is not one of %v", path, value, enum))
		}
	}
	if s, ok := value.(string); ok {
		if p, ok := schema["pattern"].(string); ok {
			re, err := regexp.Compile(p)
			if err != nil {
				errs = append(errs, fmt.Sprintf("%s: bad pattern %q in the schema", path, p))
			} else if !re.MatchString(s) {
				errs = append(errs, fmt.Sprintf("%s: %q does not match %s", path, s, p))
			}
		}
		if f, ok := schema["format"].(string); ok {
			if err := checkFormat(f, s); err != nil {
				errs = append(errs, fmt.Sprintf("%s: %q is not a %s: %v", path, s, f, err))
			}
		}
	}
	if obj, ok := value.(map[string]any); ok {
		props, _ := schema["properties"].(map[string]any)
		names := make([]string, 0, len(props))
		for n := range props {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			ps, _ := props[n].(map[string]any)
			pv, present := obj[n]
			if !present {
				if req, _ := ps["required"].(bool); req {
					errs = append(errs, fmt.Sprintf("%s: the required property %q is missing", path, n))
				}
				continue
			}
			errs = append(errs, v.validate(path+"."+n, pv, ps)...)
		}
	}
	if arr, ok := value.([]any); ok {
		if items, ok := schema["items"].(map[string]any); ok {
			for i, it := range arr {
				errs = append(errs, v.validate(fmt.Sprintf("%s[%d]", path, i), it, items)...)
			}
		}
	}
	return errs
}

func typeMatches(t any, value any) bool {
	switch t := t.(type) {
	case string:
		return typeIs(t, value)
	case []any:
		for _, x := range t {
			if s, ok := x.(string); ok && typeIs(s, value) {
				return true
			}
			if s, ok := x.(map[string]any); ok && len(s) == 0 {
				return true
			}
		}
		return false
	}
	return true
}

func typeIs(t string, value any) bool {
	switch t {
	case "any":
		return true
	case "null":
		return value == nil
	case "string":
		_, ok := value.(string)
		return ok
	case "boolean":
		_, ok := value.(bool)
		return ok
	case "object":
		_, ok := value.(map[string]any)
		return ok
	case "array":
		_, ok := value.([]any)
		return ok
	case "number":
		_, ok := value.(float64)
		return ok
	case "integer":
		f, ok := value.(float64)
		return ok && f == float64(int64(f))
	}
	return false
}

func describe(v any) string {
	b, _ := json.Marshal(v)
	if len(b) > 60 {
		b = append(b[:60], "…"...)
	}
	return string(b)
}

func checkFormat(f, s string) error {
	switch f {
	case "date-time":
		_, err := time.Parse(time.RFC3339, s)
		return err
	case "uri":
		u, err := url.Parse(s)
		if err == nil && u.Scheme == "" {
			err = fmt.Errorf("no scheme")
		}
		return err
	case "email":
		if !strings.Contains(s, "@") {
			return fmt.Errorf("no @")
		}
	}
	return nil
}

// popoloArrays maps each top-level array of the export to the schema of its items.
var popoloArrays = map[string]string{
	"persons":       "person.json",
	"organizations": "organization.json",
	"memberships":   "membership.json",
	"events":        "event.json",
	"motions":       "motion.json",
	"vote_events":   "vote_event.json",
	"speeches":      "speech.json",
}

func popoloSchemaDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(sharedDir(t), "schemas", "popolo")
	if _, err := os.Stat(filepath.Join(dir, "person.json")); err != nil {
		requireTool(t, "no Popolo schemas: %v (set PLENUM_SHARED)", err)
	}
	return dir
}

// validatePopolo checks every item of every array of an export.
func validatePopolo(t *testing.T, v *draft3, out []byte) []string {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatalf("the Popolo export is not JSON: %v", err)
	}
	var errs []string
	keys := make([]string, 0, len(popoloArrays))
	for k := range popoloArrays {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		arr, ok := doc[k].([]any)
		if !ok {
			errs = append(errs, fmt.Sprintf("%s: missing or not an array", k))
			continue
		}
		schema, err := v.load(popoloArrays[k])
		if err != nil {
			t.Fatal(err)
		}
		for i, item := range arr {
			errs = append(errs, v.validate(fmt.Sprintf("%s[%d]", k, i), item, schema)...)
		}
	}
	return errs
}

func TestPopoloValidates(t *testing.T) {
	v := newDraft3(popoloSchemaDir(t))
	for name, d := range map[string]*Document{"march-1917": march(t), "coop-2026": coop(t), "counts": countsDoc(t)} {
		out, err := Popolo(d)
		if err != nil {
			t.Fatal(err)
		}
		if errs := validatePopolo(t, v, out); len(errs) > 0 {
			t.Errorf("%s: %d violations of the Popolo schemas, the first: %s", name, len(errs), strings.Join(errs[:min(len(errs), 5)], "; "))
		}
	}
}

// TestDraft3Catches shows the validator refuses what the schemas forbid.
func TestDraft3Catches(t *testing.T) {
	v := newDraft3(popoloSchemaDir(t))
	for _, c := range []struct {
		name, schema, doc string
	}{
		{"count without its required value", "vote_event.json", `{"id": "v", "counts": [{"option": "yes"}]}`},
		{"count value not an integer", "count.json", `{"option": "yes", "value": "38"}`},
		{"bad date pattern", "person.json", `{"name": "x", "birth_date": "March 1917"}`},
		{"bad date-time", "speech.json", `{"date": "1917-03-29"}`},
		{"other name not an object", "person.json", `{"name": "x", "other_names": ["y"]}`},
	} {
		schema, err := v.load(c.schema)
		if err != nil {
			t.Fatal(err)
		}
		var doc any
		if err := json.Unmarshal([]byte(c.doc), &doc); err != nil {
			t.Fatal(err)
		}
		if errs := v.validate("$", doc, schema); len(errs) == 0 {
			t.Errorf("%s: accepted %s", c.name, c.doc)
		}
	}
}

// TestPopoloPersonsOnce: one person per assembly person, whatever the
// spellings, and the spellings kept as other_names.
func TestPopoloPersonsOnce(t *testing.T) {
	d := march(t)
	out, err := Popolo(d)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Persons []struct {
			ID         string `json:"id"`
			Name       string `json:"name"`
			OtherNames []struct {
				Name string `json:"name"`
			} `json:"other_names"`
		} `json:"persons"`
		Speeches []struct {
			CreatorID string `json:"creator_id"`
		} `json:"speeches"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Persons) != len(d.Persons) {
		t.Errorf("%d persons in the export, %d in the assembly", len(doc.Persons), len(d.Persons))
	}
	seen := map[string]bool{}
	names := map[string]string{}
	for _, p := range doc.Persons {
		if seen[p.ID] {
			t.Errorf("person %s appears twice", p.ID)
		}
		seen[p.ID] = true
		for _, n := range append([]string{p.Name}, otherNames(p.OtherNames)...) {
			if other, dup := names[n]; dup && other != p.ID {
				t.Errorf("the name %q belongs to %s and %s", n, other, p.ID)
			}
			names[n] = p.ID
		}
	}
	if names["Ehinchuk"] != "khinchuk" || names["Khinchuk"] != "khinchuk" {
		t.Errorf("Khinchuk's misspelling Ehinchuk is not one of his other names")
	}
	for _, s := range doc.Speeches {
		if s.CreatorID != "" && !seen[s.CreatorID] {
			t.Errorf("a speech by %q, who is not among the persons", s.CreatorID)
		}
	}
}

func otherNames(ns []struct {
	Name string `json:"name"`
}) []string {
	var out []string
	for _, n := range ns {
		out = append(out, n.Name)
	}
	return out
}
