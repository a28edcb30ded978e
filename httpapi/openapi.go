package httpapi

import (
	"encoding/json"
	"net/http"
	"sync"

	"plenum/assembly"
	"plenum/auth"
)

// commandDoc is the human description of one command of docs/script.md
// (commands_table.go): its group, its arguments as the manual writes them,
// and who may give it. The arguments' schema is not taken from it but from
// the command's struct (assembly.DescribeCommand).
type commandDoc struct {
	Name  string
	Group string
	Args  string // the arguments as docs/script.md writes them
	Who   string // who may give it
}

// argSchema is the JSON Schema of one argument as assembly describes it.
// ParseCommand refuses unknown fields at every level, so objects have
// additionalProperties false. An optional id or choice may also be given
// as "" (it then counts as absent); the schema asks for a real one.
func argSchema(a assembly.ArgDoc) map[string]any {
	var s map[string]any
	switch a.Type {
	case "string":
		s = map[string]any{"type": "string"}
		switch {
		case a.Enum != nil:
			s["enum"] = a.Enum
		case a.ID:
			s["pattern"] = assembly.IDPattern
		case a.Date:
			s["format"] = "date"
		case a.Required:
			s["minLength"] = 1
		}
	case "integer":
		s = map[string]any{"type": "integer"}
		switch {
		case a.NonNegative && a.Required:
			s["minimum"] = 1
		case a.NonNegative:
			s["minimum"] = 0
		}
	case "boolean":
		s = map[string]any{"type": "boolean"}
	case "array":
		s = map[string]any{"type": "array", "items": argSchema(*a.Items)}
		if a.ID {
			s["uniqueItems"] = true
		}
		if a.Required {
			s["minItems"] = 1
		}
	case "object":
		s = objectSchema(a.Fields)
	case "map":
		s = map[string]any{"type": "object", "additionalProperties": argSchema(*a.Values)}
	case "count":
		s = map[string]any{"oneOf": []any{
			map[string]any{"type": "integer", "minimum": 0},
			map[string]any{"type": "string", "description": "a range \"62-68\", \"rest\", \"majority\", \"minority\" or \"unstated\""},
		}}
	case "quorum":
		s = map[string]any{"oneOf": []any{
			map[string]any{"type": "integer", "minimum": 0},
			map[string]any{"type": "string", "description": "none, majority_of_members, majority_of_mandates, or a whole number"},
		}}
	default:
		panic("httpapi: no JSON Schema for the argument type " + a.Type)
	}
	return s
}

// objectSchema is the JSON Schema of an object with the given fields.
func objectSchema(fields []assembly.ArgDoc) map[string]any {
	props := map[string]any{}
	req := []string{}
	for _, f := range fields {
		props[f.Name] = argSchema(f)
		if f.Required {
			req = append(req, f.Name)
		}
	}
	s := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
	if len(req) > 0 {
		s["required"] = req
	}
	return s
}

// commandSchema is the JSON Schema of one command's request body: its
// arguments from the command's struct, its description from the table.
func commandSchema(name string) map[string]any {
	d, ok := assembly.DescribeCommand(name)
	if !ok {
		panic("httpapi: unknown command " + name)
	}
	desc := ""
	for _, c := range commandDocs {
		if c.Name == name {
			desc = c.Group + ". In docs/script.md: " + c.Args + ". Who may: " + c.Who + "."
		}
	}
	return map[string]any{
		"title":       name,
		"description": desc,
		"type":        "object",
		"required":    []string{"cmd"},
		"properties": map[string]any{
			"cmd":  map[string]any{"const": name},
			"args": objectSchema(d.Args),
			"key":  map[string]any{"type": "string", "description": "idempotency key, if not in the Idempotency-Key header"},
		},
		"additionalProperties": false,
	}
}

func ref(name string) map[string]any { return map[string]any{"$ref": "#/components/schemas/" + name} }

func jsonContent(schema any) map[string]any {
	return map[string]any{"application/json": map[string]any{"schema": schema}}
}

func problems(codes ...string) map[string]any {
	out := map[string]any{}
	words := map[string]string{
		"400": "malformed JSON or parameters",
		"401": "not logged in",
		"403": "not allowed: the rules refuse this actor, or a cross-site request",
		"404": "no such assembly or thing",
		"409": "conflict, closed, or already accepted",
		"415": "not JSON",
		"422": "the command breaks a rule or lacks an argument; or the idempotency key was used for another command",
		"429": "too many login attempts (Retry-After)",
		"503": "not done now (Retry-After): the record or the access codes could not be written (another program holds the server's database, or its disk is full), the record cannot be read back, or the server is busy; the detail says whether anything was recorded and what to do",
	}
	for _, c := range codes {
		out[c] = map[string]any{"description": words[c], "content": map[string]any{"application/problem+json": map[string]any{"schema": ref("Problem")}}}
	}
	return out
}

func op(summary, who string, public bool, ok map[string]any, errs ...string) map[string]any {
	o := map[string]any{"summary": summary, "description": "Who may: " + who + ".", "responses": map[string]any{}}
	resp := o["responses"].(map[string]any)
	for k, v := range ok {
		resp[k] = v
	}
	for k, v := range problems(errs...) {
		resp[k] = v
	}
	if public {
		o["security"] = []any{map[string]any{}, map[string]any{"session": []any{}}, map[string]any{"sessionTLS": []any{}}}
	}
	return o
}

func okJSON(desc string, schema any) map[string]any {
	return map[string]any{"200": map[string]any{"description": desc, "content": jsonContent(schema)}}
}

var anyArray = map[string]any{"type": "array", "items": map[string]any{"type": "object"}}

// OpenAPI returns the API's OpenAPI 3.1 document.
func OpenAPI() map[string]any {
	var cmds []any
	for _, name := range assembly.CommandNames() {
		if name != "create_assembly" {
			cmds = append(cmds, commandSchema(name))
		}
	}
	create := commandSchema("create_assembly")
	create["required"] = []string{"args"}
	idemKey := map[string]any{"name": "Idempotency-Key", "in": "header", "schema": map[string]any{"type": "string", "maxLength": 128},
		"description": "A key chosen by the client for this action (a random UUID). A retry with the same key gets the original answer and never acts twice; the same key with another command is refused (422). Required here or as \"key\" in the body."}
	csrf := map[string]any{"name": "X-Plenum", "in": "header", "schema": map[string]any{"type": "string"},
		"description": "Any value; state-changing requests need it, a JSON body, or a same-site Origin."}
	idParam := map[string]any{"name": "id", "in": "path", "required": true, "schema": map[string]any{"type": "string"}}
	accepted := map[string]any{
		"201": map[string]any{"description": "accepted and durable", "content": jsonContent(ref("CommandResponse"))},
		"200": map[string]any{"description": "accepted before under the same idempotency key: the original answer (header Idempotent-Replayed)", "content": jsonContent(ref("CommandResponse"))},
	}
	personsBody := map[string]any{"content": map[string]any{
		"application/json": map[string]any{"schema": map[string]any{"type": "object", "properties": map[string]any{
			"persons":      map[string]any{"type": "array", "items": map[string]any{"type": "string"}, "description": "person ids; none means everyone with a verified mandate whose code the session may issue"},
			"organization": map[string]any{"type": "string", "description": "only persons with a mandate from this organization (one delegation's envelope)"},
			"reason":       map[string]any{"type": "string", "description": "why codes are revoked (revoke only)"}}}},
		"application/x-www-form-urlencoded": map[string]any{"schema": map[string]any{"type": "object", "properties": map[string]any{
			"persons":      map[string]any{"type": "string", "description": "comma-separated person ids"},
			"organization": map[string]any{"type": "string"},
			"reason":       map[string]any{"type": "string"}}}},
	}}
	get := func(summary, who string, public bool, schema any, errs ...string) map[string]any {
		o := op(summary, who, public, okJSON(summary, schema), errs...)
		return map[string]any{"get": o, "parameters": []any{idParam}}
	}
	paths := map[string]any{
		"/login": map[string]any{
			"get": op("Log in with the link on a mandate card (?code=) or the one-time administrator link (?admin=); sets the session cookie and redirects", "anyone", true,
				map[string]any{"303": map[string]any{"description": "logged in; redirect to next or home"}}, "401", "429"),
			"post": op("Log in with an access code: form field or JSON {\"code\": …}; sets the session cookie", "anyone", true,
				okJSON("the session", ref("Session")), "400", "401", "403", "429"),
		},
		"/logout":           map[string]any{"post": op("Log out", "anyone", true, map[string]any{"204": map[string]any{"description": "logged out"}}, "403")},
		"/api/openapi.json": map[string]any{"get": op("This document", "anyone", true, okJSON("OpenAPI 3.1", map[string]any{"type": "object"}))},
		"/api/session":      map[string]any{"get": op("Who is logged in", "anyone", true, okJSON("session", ref("Session")))},
		"/api/assemblies": map[string]any{
			"get": op("The assemblies", "anyone (public)", true, okJSON("assemblies", anyArray)),
			"post": func() map[string]any {
				o := op("Create an assembly (create_assembly); the server administrator becomes its administrator as person \"admin\"", "server administrator", false, accepted, "400", "401", "403", "409", "422", "503")
				o["parameters"] = []any{idemKey, csrf}
				o["requestBody"] = map[string]any{"required": true, "content": jsonContent(create)}
				return o
			}(),
		},
		"/api/assemblies/{id}": get("The assembly, its rules, the open sitting, quorum, and who you are", "anyone (public)", true, ref("Object"), "404"),
		"/api/assemblies/{id}/commands": map[string]any{
			"parameters": []any{idParam},
			"post": func() map[string]any {
				o := op("Give a command of the assembly (docs/script.md) as the logged-in person, now. The rules check the person's authority for every command.", "depends on the command: see each command's description", false, accepted, "400", "401", "403", "404", "409", "415", "422", "503")
				o["parameters"] = []any{idemKey, csrf}
				o["requestBody"] = map[string]any{"required": true, "content": jsonContent(map[string]any{"oneOf": cmds})}
				return o
			}(),
		},
		"/api/assemblies/{id}/me":            get("Your person, roles, mandates and ballots", "participants", false, ref("Object"), "401", "403", "404"),
		"/api/assemblies/{id}/persons":       get("The persons", "participants", false, anyArray, "401", "403", "404"),
		"/api/assemblies/{id}/organizations": get("The organizations", "participants", false, anyArray, "401", "403", "404"),
		"/api/assemblies/{id}/mandates":      get("The mandates: all for the mandate commission and administrators, verified ones for others", "participants", false, anyArray, "401", "403", "404"),
		"/api/assemblies/{id}/sittings":      get("The sittings", "anyone (public)", true, anyArray, "404"),
		"/api/assemblies/{id}/items":         get("The order of the day", "participants", false, anyArray, "401", "403", "404"),
		"/api/assemblies/{id}/items/{item}/speakers": map[string]any{
			"parameters": []any{idParam, map[string]any{"name": "item", "in": "path", "required": true, "schema": map[string]any{"type": "string"}}},
			"get":        op("An item's speakers' list in the rules' order, the speaker, and who spoke", "participants", false, okJSON("speakers", ref("Object")), "401", "403", "404"),
		},
		"/api/assemblies/{id}/motions": get("The motions, and the pending ones in voting order", "participants", false, ref("Object"), "401", "403", "404"),
		"/api/assemblies/{id}/votes":   get("The votes and their results with the arithmetic", "anyone (public)", true, anyArray, "404"),
		"/api/assemblies/{id}/votes/{vote}": map[string]any{
			"parameters": []any{idParam, map[string]any{"name": "vote", "in": "path", "required": true, "schema": map[string]any{"type": "string"}}},
			"get":        op("One vote; participants also see the ballots (never the choices of a secret ballot)", "anyone (public)", true, okJSON("vote", ref("Object")), "404"),
		},
		"/api/assemblies/{id}/votes/{vote}/receipt":         receiptPath(idParam, csrf, "vote", "The receipt of a ballot in a closed secret vote: the C2SP tlog-proof of the sealed_ballots entry", "cast_ballot"),
		"/api/assemblies/{id}/elections":                    get("The elections", "participants", false, anyArray, "401", "403", "404"),
		"/api/assemblies/{id}/elections/{election}/receipt": receiptPath(idParam, csrf, "election", "The receipt of a ballot in a closed secret election: the C2SP tlog-proof of the sealed_election_ballots entry", "cast_election_ballot"),
		"/api/assemblies/{id}/record": map[string]any{
			"parameters": []any{idParam,
				map[string]any{"name": "after", "in": "query", "schema": map[string]any{"type": "integer"}, "description": "only entries after this ledger index"},
				map[string]any{"name": "limit", "in": "query", "schema": map[string]any{"type": "integer", "maximum": 1000}}},
			"get": op("The minutes, in order", "anyone (public)", true, okJSON("record entries", anyArray), "400", "404"),
		},
		"/api/assemblies/{id}/checkpoint": map[string]any{"parameters": []any{idParam}, "get": op("The latest signed checkpoint (C2SP tlog-checkpoint)", "anyone (public)", true,
			map[string]any{"200": map[string]any{"description": "signed note", "content": map[string]any{"text/plain": map[string]any{"schema": map[string]any{"type": "string"}}}}}, "404")},
		"/api/assemblies/{id}/proof/{index}": map[string]any{
			"parameters": []any{idParam, map[string]any{"name": "index", "in": "path", "required": true, "schema": map[string]any{"type": "integer"}}},
			"get":        op("Inclusion proof of an entry against the latest checkpoint (participants also get the entry's bytes)", "anyone (public)", true, okJSON("proof", ref("Proof")), "400", "404"),
		},
		"/api/assemblies/{id}/motions/{motion}/excerpt": map[string]any{
			"parameters": []any{idParam, map[string]any{"name": "motion", "in": "path", "required": true, "schema": map[string]any{"type": "string"}}},
			"get": op("A certified excerpt of the minutes: the entries about a motion and the votes on it (for an encrypted vote, every entry of its count: key ceremony, ballots, sum, partial decryptions, derived counts), each with its inclusion proof against the latest checkpoint (plenum.excerpt/v1; check it with plenum verify --excerpt)", "anyone (public)", true,
				map[string]any{"200": map[string]any{"description": "excerpt file", "content": jsonContent(map[string]any{"type": "object"})}}, "404"),
		},
		"/api/assemblies/{id}/elections/{election}/excerpt": map[string]any{
			"parameters": []any{idParam, map[string]any{"name": "election", "in": "path", "required": true, "schema": map[string]any{"type": "string"}}},
			"get": op("A certified excerpt of one election: its opening, nominations, every ballot, the close and the declaration or withdrawal (for an encrypted election, every entry of its count: key ceremony, ballots, sum or shuffle, partial decryptions, derived totals), each with its inclusion proof against the latest checkpoint (plenum.excerpt/v1; plenum verify --excerpt counts the election again from it)", "anyone (public)", true,
				map[string]any{"200": map[string]any{"description": "excerpt file", "content": jsonContent(map[string]any{"type": "object"})}}, "404"),
		},
		"/api/assemblies/{id}/events": map[string]any{
			"parameters": []any{idParam,
				map[string]any{"name": "Last-Event-ID", "in": "header", "schema": map[string]any{"type": "string"}, "description": "resume after this ledger index"},
				map[string]any{"name": "after", "in": "query", "schema": map[string]any{"type": "integer"}, "description": "resume after this ledger index (-1: from the start)"},
				map[string]any{"name": "plain", "in": "query", "schema": map[string]any{"type": "string", "enum": []string{"1"}}, "description": "omit event: lines, so onmessage sees every event"},
				map[string]any{"name": "brief", "in": "query", "schema": map[string]any{"type": "string", "enum": []string{"1"}}, "description": "index and type alone, even where the event may be read whole (as the pages listen)"}},
			"get": op("Server-sent events: every durable event (id = ledger index, event = type, data = JSON); the public gets index and type only", "anyone (public)", true,
				map[string]any{"200": map[string]any{"description": "event stream", "content": map[string]any{"text/event-stream": map[string]any{"schema": map[string]any{"type": "string"}}}}}, "400", "404"),
		},
		"/api/assemblies/{id}/access-codes": map[string]any{"parameters": []any{idParam}, "post": func() map[string]any {
			o := op("Issue new access codes (each person's earlier code stops working); the codes are shown in this answer only", "mandate commission or administrator for mandate holders without an office (a valid code: one officer revokes it and another issues the new one); the server administrator for anyone, and replaces alone (recorded as issue_access_codes)", false,
				map[string]any{"201": map[string]any{"description": "codes", "content": jsonContent(map[string]any{"type": "object", "properties": map[string]any{"codes": anyArray}})}}, "400", "401", "403", "404", "503")
			o["requestBody"] = personsBody
			o["parameters"] = []any{csrf}
			return o
		}()},
		"/api/assemblies/{id}/access-codes/revoke": map[string]any{"parameters": []any{idParam}, "post": func() map[string]any {
			o := op("Revoke access codes: they stop working and the persons' sessions end; recorded in the log (revoke_access_codes)", "mandate commission or administrator for persons without an office; the server administrator for anyone", false,
				map[string]any{"204": map[string]any{"description": "revoked"}}, "400", "401", "403", "404", "422", "503")
			o["requestBody"] = personsBody
			o["parameters"] = []any{csrf}
			return o
		}()},
		"/api/assemblies/{id}/mandate-cards.pdf": map[string]any{"parameters": []any{idParam}, "post": func() map[string]any {
			o := op("Issue new access codes and print them on mandate cards (PDF, A4, eight to a page with cut marks, each organization from a new page: name, organization, mandate, code, QR code of the login link)", "mandate commission or administrator for mandate holders without an office (a valid code: one officer revokes it and another issues the new one); the server administrator for anyone, and replaces alone (recorded as issue_access_codes)", false,
				map[string]any{"201": map[string]any{"description": "PDF", "content": map[string]any{"application/pdf": map[string]any{"schema": map[string]any{"type": "string", "format": "binary"}}}}}, "400", "401", "403", "404", "503")
			o["requestBody"] = personsBody
			o["parameters"] = []any{csrf}
			return o
		}()},
	}
	str := map[string]any{"type": "string"}
	return map[string]any{
		"openapi": "3.1.0",
		"info": map[string]any{
			"title":       "plenum API",
			"version":     "1",
			"description": "Run a delegate assembly under written rules of procedure. Log in with the access code on your mandate card; every command is checked against the rules and recorded in a signed, tamper-evident log. Errors are application/problem+json.",
		},
		"paths": paths,
		"components": map[string]any{
			// The session cookie's name over plain HTTP, and over TLS
			// (auth.CookieName, auth.HostCookieName): either logs in.
			"securitySchemes": map[string]any{
				"session":    map[string]any{"type": "apiKey", "in": "cookie", "name": auth.CookieName, "description": "the session over plain HTTP"},
				"sessionTLS": map[string]any{"type": "apiKey", "in": "cookie", "name": auth.HostCookieName, "description": "the session over https (Secure, __Host- prefix)"},
			},
			"schemas": map[string]any{
				"Object": map[string]any{"type": "object"},
				"Problem": map[string]any{"type": "object", "required": []string{"title", "status", "detail"}, "properties": map[string]any{
					"type": str, "title": str, "status": map[string]any{"type": "integer"}, "detail": str, "code": str, "field": str,
					"persons": map[string]any{"type": "array", "items": str, "description": "the ids of the persons a refusal names in detail (by their names), in the order it names them"},
					"named":   map[string]any{"type": "array", "items": str, "description": "the ids of the other things a refusal names in detail by their titles or names (votes, elections, motions, items, mandates, …), in the order it names them"}}},
				"Session": map[string]any{"type": "object", "properties": map[string]any{
					"assembly": str, "person": str, "admin": map[string]any{"type": "boolean"}, "expires": map[string]any{"type": "string", "format": "date-time"}}},
				"CommandResponse": map[string]any{"type": "object", "required": []string{"events", "checkpoint"}, "properties": map[string]any{
					"events": map[string]any{"type": "array", "items": map[string]any{"type": "object", "properties": map[string]any{
						"index": map[string]any{"type": "integer"}, "type": str}}},
					"checkpoint":   str,
					"receipt":      ref("Receipt"),
					"ballot_token": map[string]any{"type": "string", "description": "a ballot in a secret vote: its random token, given in this answer only; keep it to ask for the receipt after the close"},
					"replayed":     map[string]any{"type": "boolean"},
				}},
				"Receipt": map[string]any{"type": "object", "properties": map[string]any{
					"index": map[string]any{"type": "integer"}, "leaf_hash": str, "checkpoint": str, "proof": str}},
				"Proof": map[string]any{"type": "object", "properties": map[string]any{
					"index": map[string]any{"type": "integer"}, "tree_size": map[string]any{"type": "integer"}, "leaf_hash": str,
					"proof": map[string]any{"type": "array", "items": str}, "checkpoint": str, "entry": str}},
			},
		},
		"security": []any{map[string]any{"session": []any{}}, map[string]any{"sessionTLS": []any{}}},
	}
}

var openAPIDoc = sync.OnceValue(func() []byte {
	b, err := json.MarshalIndent(OpenAPI(), "", "  ")
	if err != nil {
		panic(err)
	}
	return b
})

func (api *API) openAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "public, max-age=300")
	w.Write(openAPIDoc())
}

// receiptPath is the path of POST …/votes/{vote}/receipt or
// …/elections/{election}/receipt (param names the path's parameter):
// the receipt of a secret ballot found by the token that the answer to
// cast gave. idParam and csrf are the document's {id} parameter and
// X-Plenum header.
func receiptPath(idParam, csrf map[string]any, param, what, cast string) map[string]any {
	o := op(what+" that carries the ballot's first vote (under its token, or for a mandate of several votes the first token derived from it), at the latest checkpoint; it names no voter (check it with plenum verify --receipt FILE --key VKEY --token TOKEN). The token goes in the body, never in the URL", "participants who hold the token", false,
		map[string]any{"200": map[string]any{"description": "tlog-proof file", "content": map[string]any{"application/tlog-proof": map[string]any{"schema": map[string]any{"type": "string"}}}}}, "400", "401", "403", "404", "409", "422")
	o["parameters"] = []any{csrf}
	o["requestBody"] = map[string]any{"required": true, "content": jsonContent(map[string]any{"type": "object", "required": []string{"token"}, "additionalProperties": false,
		"properties": map[string]any{"token": map[string]any{"type": "string", "minLength": 16, "maxLength": 128, "description": "the ballot_token given in the answer to " + cast}}})}
	return map[string]any{
		"parameters": []any{idParam, map[string]any{"name": param, "in": "path", "required": true, "schema": map[string]any{"type": "string"}}},
		"post":       o,
	}
}
