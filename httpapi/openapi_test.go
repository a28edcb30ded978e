package httpapi

import (
	"encoding/json"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"plenum/assembly"
	"plenum/auth"
)

// openAPIServed fetches the document as a client does and decodes it.
func openAPIServed(t *testing.T) map[string]any {
	t.Helper()
	w := newWorld(t, 1)
	r := w.public().get("/api/openapi.json")
	var doc map[string]any
	if err := json.Unmarshal(r.body, &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// at follows a JSON pointer ("#/components/schemas/Problem") in doc.
func at(doc any, pointer string) (any, bool) {
	if !strings.HasPrefix(pointer, "#/") {
		return nil, false
	}
	cur := doc
	for _, tok := range strings.Split(pointer[2:], "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		switch c := cur.(type) {
		case map[string]any:
			v, ok := c[tok]
			if !ok {
				return nil, false
			}
			cur = v
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(c) {
				return nil, false
			}
			cur = c[i]
		default:
			return nil, false
		}
	}
	return cur, true
}

// commandSchemas returns each command's schema in the document by name.
func commandSchemas(t *testing.T, doc map[string]any) map[string]map[string]any {
	t.Helper()
	out := map[string]map[string]any{}
	add := func(s any) {
		m := s.(map[string]any)
		name := m["properties"].(map[string]any)["cmd"].(map[string]any)["const"].(string)
		if out[name] != nil {
			t.Errorf("the command %s is described twice", name)
		}
		out[name] = m
	}
	oneOf, ok := at(doc, "#/paths/~1api~1assemblies~1{id}~1commands/post/requestBody/content/application~1json/schema/oneOf")
	if !ok {
		t.Fatal("the commands endpoint has no oneOf of commands")
	}
	for _, s := range oneOf.([]any) {
		add(s)
	}
	create, ok := at(doc, "#/paths/~1api~1assemblies/post/requestBody/content/application~1json/schema")
	if !ok {
		t.Fatal("POST /api/assemblies has no schema")
	}
	add(create)
	return out
}

// TestOpenAPIDocument checks the document's structure minimally: it is
// OpenAPI 3.1, every path has operations with responses, every $ref
// resolves, and every route of the mux is in it.
func TestOpenAPIDocument(t *testing.T) {
	doc := openAPIServed(t)
	if doc["openapi"] != "3.1.0" {
		t.Fatalf("openapi %v", doc["openapi"])
	}
	if info, _ := doc["info"].(map[string]any); info["title"] == nil || info["version"] == nil {
		t.Errorf("info %v", doc["info"])
	}
	// The security schemes name the session cookies the server reads:
	// its name over plain HTTP and its __Host- name over https.
	comps, _ := doc["components"].(map[string]any)
	schemes, _ := comps["securitySchemes"].(map[string]any)
	var cookies []string
	for _, sc := range schemes {
		if m, _ := sc.(map[string]any); m["in"] == "cookie" {
			cookies = append(cookies, m["name"].(string))
		}
	}
	slices.Sort(cookies)
	if want := []string{auth.HostCookieName, auth.CookieName}; !slices.Equal(cookies, want) {
		t.Errorf("the security schemes' cookies %q, want %q", cookies, want)
	}
	paths, _ := doc["paths"].(map[string]any)
	if len(paths) == 0 {
		t.Fatal("no paths")
	}
	methods := []string{"get", "put", "post", "delete", "options", "head", "patch", "trace"}
	for p, item := range paths {
		if !strings.HasPrefix(p, "/") {
			t.Errorf("path %q does not begin with /", p)
		}
		ops := 0
		for k, v := range item.(map[string]any) {
			if !slices.Contains(methods, k) {
				if k != "parameters" && k != "summary" && k != "description" {
					t.Errorf("%s: unknown key %q in a path item", p, k)
				}
				continue
			}
			ops++
			resp, _ := v.(map[string]any)["responses"].(map[string]any)
			if len(resp) == 0 {
				t.Errorf("%s %s has no responses", k, p)
			}
			for code, r := range resp {
				if _, ok := r.(map[string]any)["description"].(string); !ok {
					t.Errorf("%s %s: the response %s has no description", k, p, code)
				}
			}
		}
		if ops == 0 {
			t.Errorf("%s has no operations", p)
		}
		// Every path parameter {x} is declared, on the path or on each
		// of its operations.
		declared := func(params any, name string) bool {
			l, _ := params.([]any)
			for _, x := range l {
				if m, _ := x.(map[string]any); m["in"] == "path" && m["name"] == name && m["required"] == true {
					return true
				}
			}
			return false
		}
		for _, seg := range strings.Split(p, "/") {
			if !strings.HasPrefix(seg, "{") {
				continue
			}
			name := strings.Trim(seg, "{}")
			if declared(item.(map[string]any)["parameters"], name) {
				continue
			}
			for k, v := range item.(map[string]any) {
				if slices.Contains(methods, k) && !declared(v.(map[string]any)["parameters"], name) {
					t.Errorf("%s %s: the path parameter %s is not declared", k, p, seg)
				}
			}
		}
	}
	refs := 0
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if r, ok := v["$ref"].(string); ok {
				refs++
				if _, ok := at(doc, r); !ok {
					t.Errorf("$ref %q does not resolve", r)
				}
			}
			for _, x := range v {
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(doc)
	if refs == 0 {
		t.Error("no $ref found: the walk is broken")
	}
	// Every route of the mux is in the document.
	for _, p := range []string{"/login", "/logout", "/api/session", "/api/assemblies/{id}/events", "/api/assemblies/{id}/proof/{index}", "/api/assemblies/{id}/mandate-cards.pdf", "/api/assemblies/{id}/access-codes", "/api/assemblies/{id}/items/{item}/speakers", "/api/assemblies/{id}/votes/{vote}", "/api/assemblies/{id}/votes/{vote}/receipt", "/api/assemblies/{id}/elections/{election}/receipt"} {
		if paths[p] == nil {
			t.Errorf("the OpenAPI document lacks %s", p)
		}
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestOpenAPICommands checks that every command is in the document with
// the arguments of its struct: the same names, the same required ones, the
// same choices.
func TestOpenAPICommands(t *testing.T) {
	schemas := commandSchemas(t, openAPIServed(t))
	for _, name := range assembly.CommandNames() {
		s := schemas[name]
		if s == nil {
			t.Errorf("the OpenAPI document does not list the command %s", name)
			continue
		}
		delete(schemas, name)
		d, _ := assembly.DescribeCommand(name)
		args := s["properties"].(map[string]any)["args"].(map[string]any)
		props := args["properties"].(map[string]any)
		var got, want, gotReq, wantReq []string
		for p := range props {
			got = append(got, p)
		}
		req, _ := args["required"].([]any)
		for _, r := range req {
			gotReq = append(gotReq, r.(string))
		}
		for _, a := range d.Args {
			want = append(want, a.Name)
			if a.Required {
				wantReq = append(wantReq, a.Name)
			}
			var enum []string
			if e, ok := props[a.Name].(map[string]any)["enum"].([]any); ok {
				for _, x := range e {
					enum = append(enum, x.(string))
				}
			}
			if !slices.Equal(enum, a.Enum) {
				t.Errorf("%s.%s: enum %v, the struct says %v", name, a.Name, enum, a.Enum)
			}
		}
		sort.Strings(got)
		sort.Strings(want)
		sort.Strings(gotReq)
		sort.Strings(wantReq)
		if !slices.Equal(got, want) {
			t.Errorf("%s: arguments %v, the struct has %v", name, got, want)
		}
		if !slices.Equal(gotReq, wantReq) {
			t.Errorf("%s: required %v, the struct requires %v", name, gotReq, wantReq)
		}
		if args["additionalProperties"] != false {
			t.Errorf("%s: unknown arguments are refused, but the schema allows them", name)
		}
	}
	for name := range schemas {
		t.Errorf("the OpenAPI document describes %s, which assembly does not know", name)
	}
}

// TestOpenAPICommandArgs checks the derivation exactly on three commands.
func TestOpenAPICommandArgs(t *testing.T) {
	schemas := commandSchemas(t, openAPIServed(t))
	id := `"type":"string","pattern":"^[a-z0-9_-]{1,64}$"`
	ids := `"type":"array","items":{` + id + `},"uniqueItems":true`
	for name, want := range map[string]string{
		"cast_ballot": `{"type":"object","additionalProperties":false,"required":["vote","voter","choice"],"properties":{
			"vote":{` + id + `},"voter":{` + id + `},"choice":{"type":"string","minLength":1},
			"for_mandate":{` + id + `},"token":{"type":"string"}}}`,
		"open_vote": `{"type":"object","additionalProperties":false,"required":["id","method"],"properties":{
			"id":{` + id + `},"motion":{` + id + `},"alternatives":{` + id + `},"question":{"type":"string"},
			"method":{"type":"string","enum":["show_of_hands","roll_call","secret","encrypted"]},
			"eligible":{"type":"object","additionalProperties":false,"properties":{
				"kinds":{"type":"array","items":{"type":"string","enum":["decisive","consultative","guest","ex_officio"]}},
				"organizations":{` + ids + `},"persons":{` + ids + `},"note":{"type":"string"}}},
			"threshold":{"type":"string","enum":["majority_cast","majority_present","majority_members","two_thirds_cast","three_quarters_cast"]},
			"ruling":{"type":"string"},"suspension":{` + id + `},
			"trustees":{` + ids + `},"trustee_quorum":{"type":"integer","minimum":0},"revote":{"type":"boolean"}}}`,
		"move_motion": `{"type":"object","additionalProperties":false,"required":["id","kind","title"],"properties":{
			"id":{` + id + `},
			"kind":{"type":"string","enum":["substantive","amendment","procedural"]},
			"procedure":{"type":"string","enum":["close_discussion","close_list","elect_committee","table","order_of_voting","discuss_or_not","invite_back","reconsider","instruct_committee","suspend_rules","other"]},
			"title":{"type":"string","minLength":1},"text":{"type":"string"},
			"points":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["text"],"properties":{
				"number":{"type":"string"},"text":{"type":"string","minLength":1}}}},
			"amends":{` + id + `},"target":{` + id + `},"mover":{` + id + `},"label":{"type":"string"},
			"item":{` + id + `},"document":{` + id + `},
			"change":{"type":"object","additionalProperties":false,"properties":{
				"from_line":{"type":"integer","minimum":0},"to_line":{"type":"integer","minimum":0},
				"paragraph":{"type":"integer","minimum":0},"text":{"type":"string"}}}}}`,
	} {
		var w any
		if err := json.Unmarshal([]byte(want), &w); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		got := schemas[name]["properties"].(map[string]any)["args"]
		if !reflect.DeepEqual(got, w) {
			t.Errorf("%s: args schema\n got %s\nwant %s", name, mustJSON(t, got), mustJSON(t, w))
		}
	}
}

// TestOpenAPIUnavailable: the operations that write the server's
// database say they may be answered 503 (with Retry-After): the record
// or the access codes could not be written now (another program's lock,
// a full disk), or the server is busy.
func TestOpenAPIUnavailable(t *testing.T) {
	paths, _ := openAPIServed(t)["paths"].(map[string]any)
	for _, p := range []string{"/api/assemblies", "/api/assemblies/{id}/commands", "/api/assemblies/{id}/access-codes", "/api/assemblies/{id}/access-codes/revoke", "/api/assemblies/{id}/mandate-cards.pdf"} {
		item, _ := paths[p].(map[string]any)
		post, _ := item["post"].(map[string]any)
		resp, _ := post["responses"].(map[string]any)
		r, _ := resp["503"].(map[string]any)
		if d, _ := r["description"].(string); !strings.Contains(d, "Retry-After") || r["content"] == nil {
			t.Errorf("POST %s: 503 %v; want a problem, with Retry-After", p, r)
		}
	}
}
