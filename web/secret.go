package web

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"plenum/assembly"
	"plenum/engine"
	"plenum/i18n"
)

// A secret ballot's token is shown to the voter once, on the page the
// ballot leads to. Between the form that casts the ballot and that page it
// is kept by the voter's browser alone: the form's answer sets a cookie
// holding the token sealed (AES-GCM) with a key only the server has, bound
// to the assembly, the person and the ballot's entry; the receipt page
// opens it, shows the token and clears the cookie, and no server on the
// database opens that cookie a second time, whichever node or however
// often restarted (auth's OpenCookieOnce keeps the cookies' random
// nonces, not the tokens, in the database until the cookies expire). The
// server keeps the token nowhere (not in the log, the database, its
// memory or the URL), so
// nothing on the server links a voter to their ballot, and the receipt
// page may be served by any node of a cluster: the nodes share the key,
// derived from Options.Secret, which is derived from the signing key they
// share. A single server's random Secret changes at each start; a token
// not yet shown is then lost, as it was when the server kept it in memory.

// tokenLife is how long a token waits for its page.
const tokenLife = 10 * time.Minute

// tokenSeal seals and opens the tokens' cookies.
type tokenSeal struct {
	aead cipher.AEAD
}

// newTokenSeal derives the seal's key from the pages' secret (a MAC of a
// text of its own, so that it is no key the forms' tokens use).
func newTokenSeal(secret []byte) tokenSeal {
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte("plenum web: the seal of secret ballots' tokens\x00"))
	block, err := aes.NewCipher(mac.Sum(nil))
	if err != nil {
		panic(err) // a 32-byte key is always one
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		panic(err)
	}
	return tokenSeal{aead: aead}
}

// tokenCookie is the name of the cookie of the token of entry, so that the
// tokens of two ballots cast in a row wait side by side.
func tokenCookie(entry int64) string { return fmt.Sprintf("plenum_ballot_token_%d", entry) }

// tokenPath is the only path the cookie is sent to: the receipt page.
func tokenPath(assemblyID string) string { return "/a/" + assemblyID + "/receipt" }

// tokenBinding is what a sealed token is bound to: a cookie made for
// another assembly, person or entry does not open.
func tokenBinding(assemblyID, person string, entry int64) []byte {
	return fmt.Appendf(nil, "plenum ballot token\x00%s\x00%s\x00%d", assemblyID, person, entry)
}

// seal returns the cookie's value: nonce, then the sealed expiry (Unix
// seconds, 8 bytes) and token, base64url.
func (t tokenSeal) seal(assemblyID, person string, entry int64, token string, expires time.Time) string {
	nonce := make([]byte, t.aead.NonceSize(), t.aead.NonceSize()+8+len(token)+t.aead.Overhead())
	rand.Read(nonce)
	plain := binary.BigEndian.AppendUint64(nil, uint64(expires.Unix()))
	plain = append(plain, token...)
	return base64.RawURLEncoding.EncodeToString(t.aead.Seal(nonce, nonce, plain, tokenBinding(assemblyID, person, entry)))
}

// unseal returns the token a cookie's value holds, its nonce and its
// expiry, or "" if it was not sealed by this key for this assembly, person
// and entry, was altered or has expired. It opens a value any number of
// times: takeToken opens a cookie once.
func (t tokenSeal) unseal(value, assemblyID, person string, entry int64, now time.Time) (token, nonce string, expires time.Time) {
	b, err := base64.RawURLEncoding.DecodeString(value)
	if err != nil || len(b) < t.aead.NonceSize()+t.aead.Overhead()+8 {
		return "", "", time.Time{}
	}
	n := t.aead.NonceSize()
	plain, err := t.aead.Open(nil, b[:n], b[n:], tokenBinding(assemblyID, person, entry))
	if err != nil || len(plain) < 8 {
		return "", "", time.Time{}
	}
	exp := int64(binary.BigEndian.Uint64(plain))
	if now.Unix() >= exp {
		return "", "", time.Time{}
	}
	return string(plain[8:]), string(b[:n]), time.Unix(exp, 0)
}

// giveToken sets the cookie that carries a secret ballot's token to its
// receipt page.
func (s *server) giveToken(w http.ResponseWriter, r *http.Request, assemblyID, person string, entry int64, token string) {
	now := s.opts.Now()
	http.SetCookie(w, &http.Cookie{
		Name: tokenCookie(entry), Value: s.seal.seal(assemblyID, person, entry, token, now.Add(tokenLife)),
		Path: tokenPath(assemblyID), MaxAge: int(tokenLife / time.Second),
		HttpOnly: true, Secure: s.auth.Secure(r), SameSite: http.SameSiteStrictMode,
	})
}

// takeToken returns the token the request's cookie carries for entry, once:
// the cookie is cleared, whether it opened or not, and no server on the
// same database opens the same cookie a second time (auth's
// OpenCookieOnce, by the cookie's nonce; a cookie this server found opened
// is refused without asking: openedHere). ok is false when the database
// could not say whether the cookie was opened before: then the cookie is
// kept for the page to be tried again, and nothing is shown.
func (s *server) takeToken(w http.ResponseWriter, r *http.Request, assemblyID, person string, entry int64) (token string, ok bool) {
	c, err := r.Cookie(tokenCookie(entry))
	if err != nil {
		return "", true
	}
	now := s.opts.Now()
	token, nonce, expires := s.seal.unseal(c.Value, assemblyID, person, entry, now)
	if token != "" && s.opened.has(nonce, now) {
		token = "" // opened here before: the database need not be asked
	}
	if token != "" {
		first, err := s.auth.OpenCookieOnce(r.Context(), []byte(nonce), expires)
		if err != nil {
			s.opts.Logger.Error("web: a secret ballot's token could not be marked as shown", "assembly", assemblyID, "err", err)
			return "", false
		}
		s.opened.add(nonce, expires, now)
		if !first {
			token = ""
		}
	}
	http.SetCookie(w, &http.Cookie{
		Name: tokenCookie(entry), Value: "", Path: tokenPath(assemblyID), MaxAge: -1,
		HttpOnly: true, Secure: s.auth.Secure(r), SameSite: http.SameSiteStrictMode,
	})
	return token, true
}

// openedHere are the token cookies this server found opened (its own
// opening, or another's that the database told of), by their nonce, until
// they expire: the same cookie sent again (a client that does not clear
// it, a copied header) is refused without a write to the database, which
// remains what every node and a restarted server go by. Only the nonces
// of cookies this server's key opened are kept, at most maxOpenedHere; a
// cookie not kept is asked of the database, as before.
type openedHere struct {
	mu sync.Mutex
	m  map[string]time.Time
}

// maxOpenedHere is the most nonces openedHere keeps: the cookies of ten
// thousand ballots within a cookie's life (tokenLife) are 10,000.
const maxOpenedHere = 65536

// has reports whether the cookie of nonce was found opened and has not
// expired at now.
func (o *openedHere) has(nonce string, now time.Time) bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	exp, ok := o.m[nonce]
	return ok && now.Before(exp)
}

// add keeps the nonce of a cookie found opened until it expires; the
// nonces of expired cookies are let go when the map is full.
func (o *openedHere) add(nonce string, expires, now time.Time) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.m == nil {
		o.m = map[string]time.Time{}
	}
	if len(o.m) >= maxOpenedHere {
		for n, exp := range o.m {
			if !now.Before(exp) {
				delete(o.m, n)
			}
		}
		if len(o.m) >= maxOpenedHere {
			return
		}
	}
	o.m[nonce] = expires
}

// tokenFile is the small text file a voter saves with their token: its
// fields under fixed names, what to do with it in the voter's language l
// (the assembly's name and the question isolated if they need it: option),
// and the command that checks the receipt with it, as the receipt page
// gives it: the receipt file by the name it is saved under after the
// close (receiptFile), the verifier key the server states, and the log's
// address (check; nil when the server states no key: then the key is
// named, VERIFIER-KEY, and the command checks offline; offline too where
// the record is not public, whose log the server refuses plenum verify).
func tokenFile(l *i18n.Locale, assemblyName, question, opened, token, receiptFile string, check *checkInfo) string {
	key, logURL := "VERIFIER-KEY", ""
	if check != nil {
		key = check.Key
		if check.Public { // else the server refuses the log to plenum verify
			logURL = " --url " + check.LogURL
		}
	}
	return fmt.Sprintf(`plenum secret ballot
assembly: %s
vote: %s (%s)
token: %s

%s

    plenum verify --receipt %s --key %s --token %s%s
`, option(assemblyName), option(question), l.T("web.d.opened", opened), token, l.T("web.tf.keep", l.T("web.d.receipt_h")), receiptFile, key, token, logURL)
}

// tokenFileURL is the token file as a data: URL, for a download link that
// needs no request to the server.
func tokenFileURL(text string) template.URL {
	return template.URL("data:text/plain;charset=utf-8," + url.PathEscape(text))
}

// secretReceipt serves POST /a/{id}/secret-receipt: the form "Get the
// receipt of my secret ballot" (fields vote and token) answers with the
// ballot's tlog-proof file (engine.SecretBallotReceipt), or goes back to
// the delegate page saying why not.
func (s *server) secretReceipt(w http.ResponseWriter, r *http.Request) {
	a, _, fail, ok := s.pageForm(w, r, "delegate", 8<<10)
	if !ok {
		return
	}
	id := a.ID()
	vote := r.PostFormValue("vote")
	receipt := engine.SecretBallotReceipt
	election := r.PostFormValue("election")
	if election != "" {
		// A ballot of a secret election.
		vote, receipt = election, engine.SecretElectionBallotReceipt
	}
	token := strings.Join(strings.Fields(r.PostFormValue("token")), "")
	if len(token) < assembly.MinBallotToken || len(token) > assembly.MaxBallotToken {
		fail(localeOf(r, a).T("web.err.not_token"))
		return
	}
	proof, err := receipt(r.Context(), a, vote, token)
	if up := strings.ToUpper(token); assembly.CodeOf(err) == assembly.ErrNotFound && up != token {
		// plenum makes a token in RFC 4648 base32 (crypto/rand.Text:
		// upper-case letters and the digits 2 to 7), so one typed in
		// lower case is the same token, as an access code is the same
		// code in any case. Asked as typed first: a token of another
		// make, if ever one is in a log, is found as it stands.
		proof, err = receipt(r.Context(), a, vote, up)
	}
	if err != nil {
		var ae *assembly.Error
		if errors.As(err, &ae) && ae.Code != assembly.ErrCorrupt {
			var msg string
			a.Read(func(st *assembly.State) {
				msg = namedRefusal(r, st, ae)
				if ae.Code == assembly.ErrNotFound && (election == "" && st.Votes[vote] != nil || election != "" && st.Elections[vote] != nil) {
					// The code, not the vote, was not found. In the
					// refusal's language, from st: localeOf would read a
					// again inside this Read, which a writer waiting
					// between the two read locks would deadlock.
					msg += " " + i18n.Choose(r, st.Assembly.Language).T("web.tok.help")
				}
			})
			fail(msg)
			return
		}
		s.opts.Logger.Error("web: secret receipt failed", "assembly", id, "vote", vote, "err", err)
		fail(localeOf(r, a).T("web.err.receipt_failed"))
		return
	}
	w.Header().Set("Content-Type", "application/tlog-proof")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", secretReceiptFile(vote)))
	w.Write(proof)
}

// secretReceiptFile is the name of the file of the receipt of a secret
// ballot in vote, which the receipt page's command with --token names.
func secretReceiptFile(vote string) string {
	return "receipt-" + fileSafe(vote) + "-secret.tlog-proof"
}

// fileSafe keeps a file name to letters, digits, '-', '_' and '.'.
func fileSafe(s string) string {
	return strings.Map(func(c rune) rune {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' {
			return c
		}
		return '_'
	}, s)
}

// MySecretElections are the closed secret elections in which the
// viewer cast a ballot, latest first: those they may ask the receipt of.
func (v *view) MySecretElections() []*assembly.Election {
	var out []*assembly.Election
	for i := len(v.S.ElectionOrder) - 1; i >= 0; i-- {
		el := v.S.Elections[v.S.ElectionOrder[i]]
		if el.Secret && len(el.SealedEntries) > 0 && slices.ContainsFunc(el.Ballots, func(b assembly.ElectionBallot) bool { return b.Voter == v.Me.Person }) {
			out = append(out, el)
		}
	}
	return out
}

// MySecretVotes are the closed secret votes in which the viewer cast a
// ballot, latest first: those they may ask the receipt of.
func (v *view) MySecretVotes() []*assembly.Vote {
	var out []*assembly.Vote
	for i := len(v.S.VoteOrder) - 1; i >= 0; i-- {
		vt := v.S.Votes[v.S.VoteOrder[i]]
		if vt.Method == "secret" && vt.Status != assembly.VoteStatusOpen && len(vt.SealedEntries) > 0 && v.Voted(vt) {
			out = append(out, vt)
		}
	}
	return out
}
