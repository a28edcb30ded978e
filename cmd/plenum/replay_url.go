package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strconv"
	"strings"
	"time"

	"plenum/assembly"
	"plenum/auth"
	"plenum/i18n"
)

// apiLine is one command of a script sent through a server's API.
type apiLine struct {
	line     int
	env      assembly.Envelope
	assembly string // the assembly it goes to
	key      string // its idempotency key
}

// apiSession is a login to the server: an HTTP client holding its cookie.
type apiSession struct {
	c        *http.Client
	person   string
	assembly string // empty for a server administrator
	admin    bool
}

// replayThrough sends a script through the JSON API of the server at
// base, each line as the person it names, logged in with admin (a
// one-time administrator token or link) or one of codes. Every line is
// read and matched to a login before anything is sent.
func replayThrough(ctx context.Context, env *cliEnv, lc *i18n.Locale, base, admin string, codes []string, in io.Reader) error {
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return &exitError{code: 2, msg: lc.T("cli.replay.url", base)}
	}
	base = strings.TrimRight(base, "/")
	lines, err := readAPIScript(lc, in)
	if err != nil {
		return err
	}
	// What needs no login is checked before logging in: an administrator
	// token logs in only once.
	for _, l := range lines {
		if err := needsAdmin(lc, l, admin != ""); err != nil {
			return err
		}
	}
	var sessions []*apiSession
	if admin != "" {
		s, err := login(ctx, lc, base, "admin", loginSecret(admin, "admin"))
		if err != nil {
			return fmt.Errorf("--admin: %w", err)
		}
		sessions = append(sessions, s)
	}
	for i, c := range codes {
		s, err := login(ctx, lc, base, "code", loginSecret(c, "code"))
		if err != nil {
			return fmt.Errorf("%s: %w", lc.T("cli.replay.code", strconv.Itoa(i+1), strconv.Itoa(len(codes))), err)
		}
		sessions = append(sessions, s)
	}
	who := make([]*apiSession, len(lines))
	for i, l := range lines {
		if who[i], err = sessionFor(lc, l, sessions); err != nil {
			return err
		}
	}
	fmt.Fprintln(env.stderr, "plenum replay: "+lc.T("cli.replay.times"))
	var recorded, replayed int
	for i, l := range lines {
		again, err := sendLine(ctx, lc, base, who[i], l)
		if err != nil {
			return fmt.Errorf("%w %s", err, lc.T("cli.replay.before_it", strconv.Itoa(recorded), strconv.Itoa(replayed)))
		}
		recorded++
		if again {
			replayed++
		}
	}
	fmt.Fprintln(env.stdout, lc.T("cli.replay.recorded_url", strconv.Itoa(recorded), strconv.Itoa(replayed)))
	return nil
}

// readAPIScript reads and checks every line of a script, and gives each
// its assembly and idempotency key: the line's own key, or one made from
// its text and how many identical lines came before it, so that the same
// script sent again is answered from the record.
func readAPIScript(lc *i18n.Locale, in io.Reader) ([]apiLine, error) {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 0, 64*1024), maxScriptLine)
	var (
		out     []apiLine
		current string
		seen    = map[[32]byte]int{}
		n       = 1
	)
	for ; sc.Scan(); n++ {
		text := bytes.TrimSpace(sc.Bytes())
		if len(text) == 0 || text[0] == '#' {
			continue
		}
		env, cmd, err := parseScriptLine(lc, n, text)
		if err != nil {
			return nil, err
		}
		l := apiLine{line: n, env: env, assembly: env.Assembly, key: env.Key}
		if c, ok := cmd.(assembly.CreateAssembly); ok {
			l.assembly, current = c.ID, c.ID
		} else if l.assembly == "" {
			l.assembly = current
		}
		if l.assembly == "" {
			return nil, errors.New(lc.T("cli.replay.which_assembly", strconv.Itoa(n), env.Cmd))
		}
		if l.key == "" {
			sum := sha256.Sum256(text)
			l.key = fmt.Sprintf("replay-%s-%d", hex.EncodeToString(sum[:12]), seen[sum])
			seen[sum]++
		}
		out = append(out, l)
	}
	if err := sc.Err(); err != nil {
		return nil, scanError(lc, n, err, lc.T("cli.replay.rest_sent"))
	}
	return out, nil
}

// loginSecret returns the token or code in s, which may be the login link
// that carries it as the query parameter param.
func loginSecret(s, param string) string {
	if u, err := url.Parse(s); err == nil && u.Query().Get(param) != "" {
		return u.Query().Get(param)
	}
	return s
}

// login logs in to the server with an access code (field "code") or an
// administrator token (field "admin"). An administrator token is first
// tried as the value of a session cookie (auth.CookieName), which stays
// valid, unlike a login token, and costs no login attempt.
func login(ctx context.Context, lc *i18n.Locale, base, field, secret string) (*apiSession, error) {
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, Timeout: time.Minute}
	var (
		status int
		resp   []byte
		err    error
	)
	if field == "admin" {
		u, _ := url.Parse(base + "/")
		jar.SetCookies(u, []*http.Cookie{{Name: auth.CookieName, Value: secret, Path: "/"}})
		status, resp, err = get(ctx, c, base+"/api/session")
		if err != nil {
			return nil, err
		}
		var in struct {
			LoggedIn bool `json:"logged_in"`
		}
		if json.Unmarshal(resp, &in); status != http.StatusOK || !in.LoggedIn {
			status = 0
			jar.SetCookies(u, []*http.Cookie{{Name: auth.CookieName, Value: "", Path: "/", MaxAge: -1}})
		}
	}
	if status != http.StatusOK {
		body, _ := json.Marshal(map[string]string{field: secret})
		if status, resp, err = post(ctx, c, base+"/login", body, nil); err != nil {
			return nil, err
		}
	}
	if status != http.StatusOK {
		return nil, errors.New(lc.T("cli.replay.login_refused", strconv.Itoa(status), problemDetail(resp)))
	}
	var sess struct {
		Assembly string `json:"assembly"`
		Person   string `json:"person"`
		Admin    bool   `json:"admin"`
	}
	if err := json.Unmarshal(resp, &sess); err != nil || sess.Person == "" {
		return nil, errors.New(lc.T("cli.replay.not_session", fmt.Sprintf("%.200s", resp)))
	}
	return &apiSession{c: c, person: sess.Person, assembly: sess.Assembly, admin: sess.Admin}, nil
}

// needsAdmin checks what a line needs of a server administrator: a line
// by admin needs --admin, and create_assembly is given by admin.
func needsAdmin(lc *i18n.Locale, l apiLine, haveAdmin bool) error {
	switch {
	case l.env.Cmd == "create_assembly" && l.env.Actor != auth.AdminPerson:
		return errors.New(lc.T("cli.replay.create_by_admin", strconv.Itoa(l.line), auth.AdminPerson, l.env.Actor, auth.AdminPerson))
	case l.env.Actor == auth.AdminPerson && !haveAdmin:
		return errors.New(lc.T("cli.replay.needs_admin", strconv.Itoa(l.line), l.env.Cmd, auth.AdminPerson))
	}
	return nil
}

// sessionFor returns the login that gives line l as the person it names.
func sessionFor(lc *i18n.Locale, l apiLine, sessions []*apiSession) (*apiSession, error) {
	for _, s := range sessions {
		if s.person == l.env.Actor && (s.admin || s.assembly == l.assembly) {
			return s, nil
		}
	}
	return nil, errors.New(lc.T("cli.replay.no_login", strconv.Itoa(l.line), l.env.Cmd, l.env.Actor, l.assembly, l.env.Actor))
}

// sendAttempts is how many times a line is sent while the server does not
// answer it (its idempotency key makes a second attempt safe).
const sendAttempts = 6

// sendLine gives one line through the API and reports whether the server
// answered it from the record (sent before). A refusal stops; an answer
// that does not come, or a 5xx, is retried with the same key.
func sendLine(ctx context.Context, lc *i18n.Locale, base string, s *apiSession, l apiLine) (replayed bool, err error) {
	path := base + "/api/assemblies/" + url.PathEscape(l.assembly) + "/commands"
	if l.env.Cmd == "create_assembly" {
		path = base + "/api/assemblies"
	}
	body, _ := json.Marshal(struct {
		Cmd  string          `json:"cmd"`
		Args json.RawMessage `json:"args,omitempty"`
	}{l.env.Cmd, l.env.Args})
	wait := 500 * time.Millisecond
	for attempt := 1; ; attempt++ {
		status, resp, err := post(ctx, s.c, path, body, map[string]string{"Idempotency-Key": l.key})
		switch {
		case err == nil && (status == http.StatusCreated || status == http.StatusOK):
			return status == http.StatusOK, nil
		case err == nil && status < 500:
			return false, errors.New(lc.T("cli.replay.refused", strconv.Itoa(l.line), l.env.Cmd, strconv.Itoa(status), problemDetail(resp)))
		case err == nil:
			err = errors.New(lc.T("cli.replay.answered", strconv.Itoa(status), problemDetail(resp)))
		}
		if attempt == sendAttempts || ctx.Err() != nil {
			return false, errors.New(lc.T("cli.replay.no_answer", strconv.Itoa(l.line), l.env.Cmd, strconv.Itoa(attempt), err))
		}
		select {
		case <-time.After(wait):
		case <-ctx.Done():
		}
		wait *= 2
	}
}

// post sends a JSON body and returns the status and body of the answer.
func post(ctx context.Context, c *http.Client, url string, body []byte, hdr map[string]string) (int, []byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Plenum", "1")
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	return do(c, req)
}

// get reads url and returns the status and body of the answer.
func get(ctx context.Context, c *http.Client, url string) (int, []byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return 0, nil, err
	}
	return do(c, req)
}

func do(c *http.Client, req *http.Request) (int, []byte, error) {
	req.Header.Set("Accept", "application/json")
	resp, err := c.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	return resp.StatusCode, b, err
}

// problemDetail returns the detail of a problem+json answer, or its start.
func problemDetail(b []byte) string {
	var p struct {
		Detail string `json:"detail"`
	}
	if json.Unmarshal(b, &p) == nil && p.Detail != "" {
		return p.Detail
	}
	if s := strings.TrimSpace(string(b)); s != "" {
		return fmt.Sprintf("%.200s", s)
	}
	return "no detail given"
}
