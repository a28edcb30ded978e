package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strconv"
	"strings"
	"time"
)

// The load clients of plenum bench vote and login speak HTTP/1.1 for
// themselves, not through net/http's client: a load generator shares the
// machine with the server it measures, and net/http's client spends
// tens of µs of CPU a request (building it, the Transport's connection
// pool, two goroutines a connection and the hand-offs between them,
// parsing the answer into maps) that the server then does not get. Here
// each delegate has one connection, opened and proven with a request of
// its own before the burst; its request is a byte slice made before the
// burst and written with one Write, and its answer is read with a
// bufio.Reader and parsed strictly (httpConn, readHTTPAnswer).

// httpConn is one keep-alive HTTP/1.1 connection of a load client to
// host (host:port).
type httpConn struct {
	host string
	conn net.Conn
	br   *bufio.Reader
	keep []byte // the kept part of the last answer's body (readHTTPAnswer)
}

// httpReadBuffer is a connection's read buffer: room for an answer to a
// command, status line, headers and body, in one read.
const httpReadBuffer = 4096

// maxHTTPBody bounds the body of an answer: the load's answers are small,
// and a larger one is an error rather than memory spent.
const maxHTTPBody = 4 << 20

// dialHTTP opens a connection to host.
func dialHTTP(ctx context.Context, host string) (*httpConn, error) {
	var d net.Dialer
	c, err := d.DialContext(ctx, "tcp", host)
	if err != nil {
		return nil, err
	}
	return &httpConn{host: host, conn: c, br: bufio.NewReaderSize(c, httpReadBuffer), keep: make([]byte, 0, 256)}, nil
}

// roundTrip writes req, a whole request, with one Write and reads its
// answer, all before deadline, keeping up to keep bytes of its body. On
// an error, or an answer that ends the connection, the connection is
// closed (open says so).
func (h *httpConn) roundTrip(req []byte, deadline time.Time, keep int) (httpAnswer, error) {
	if err := h.conn.SetDeadline(deadline); err != nil {
		h.close()
		return httpAnswer{}, err
	}
	if _, err := h.conn.Write(req); err != nil {
		h.close()
		return httpAnswer{}, err
	}
	a, err := readHTTPAnswer(h.br, h.keep[:0], keep)
	if a.body != nil {
		h.keep = a.body
	}
	if err != nil || a.close {
		h.close()
	}
	return a, err
}

func (h *httpConn) close() {
	if h.conn != nil {
		h.conn.Close()
		h.conn = nil
	}
}

func (h *httpConn) open() bool { return h != nil && h.conn != nil }

// httpRequest is the bytes of an HTTP/1.1 request: method and path to
// host, the header lines ("Name: value") and, with a body, its
// Content-Length and the body.
func httpRequest(method, host, path string, header []string, body string) []byte {
	n := len(method) + len(path) + len(host) + len(body) + 64
	for _, h := range header {
		n += len(h) + 2
	}
	b := make([]byte, 0, n)
	b = append(b, method...)
	b = append(b, ' ')
	b = append(b, path...)
	b = append(b, " HTTP/1.1\r\nHost: "...)
	b = append(b, host...)
	b = append(b, "\r\n"...)
	for _, h := range header {
		b = append(b, h...)
		b = append(b, "\r\n"...)
	}
	if body != "" || method == "POST" || method == "PUT" {
		b = append(b, "Content-Length: "...)
		b = strconv.AppendInt(b, int64(len(body)), 10)
		b = append(b, "\r\n"...)
	}
	b = append(b, "\r\n"...)
	return append(b, body...)
}

// hostOf is the host:port of an http:// URL without a path, as the
// benchmarks pass their servers' addresses.
func hostOf(url string) (string, error) {
	host, ok := strings.CutPrefix(url, "http://")
	if !ok || host == "" || strings.ContainsAny(host, "/?#@ ") {
		return "", fmt.Errorf("bench clients: %q: give http://HOST:PORT (the load clients speak plain HTTP/1.1)", url)
	}
	return host, nil
}

// httpAnswer is an answer as readHTTPAnswer read it.
type httpAnswer struct {
	status  int
	body    []byte   // its first bytes, up to what was asked to keep
	cookies []string // the values of its Set-Cookie headers
	close   bool     // the server ends the connection after it
}

// errNoAnswer is a connection that ended before the first byte of an
// answer: the server closed it (an idle keep-alive connection, say).
var errNoAnswer = errors.New("the connection closed before an answer")

// readHTTPAnswer reads one answer to an HTTP/1.1 request from br:
// the status line, the headers, and a body of Content-Length bytes or in
// chunks, of which it keeps up to keep bytes in body (appended to buf);
// an interim answer (1xx) is read and passed over. Anything it cannot
// take for a whole, well-formed answer is an error, and the connection
// must then be closed: a status line or header that does not parse, a
// body cut short, a body whose end is not given (neither Content-Length
// nor chunked: the server would end it by closing the connection, which
// a keep-alive client cannot tell from a connection broken), a length
// given twice differently or with chunks, a transfer coding other than
// chunked, and a body above maxHTTPBody.
func readHTTPAnswer(br *bufio.Reader, buf []byte, keep int) (httpAnswer, error) {
	var a httpAnswer
	for first := true; ; first = false {
		line, err := readHTTPLine(br)
		if err != nil {
			if first && err == io.EOF {
				return a, errNoAnswer
			}
			return a, fmt.Errorf("reading the status line: %w", err)
		}
		// HTTP-version SP 3DIGIT [SP reason-phrase]: the reason is not
		// needed, and may be empty or missing.
		proto, code, _ := bytes.Cut(line, []byte(" "))
		code, _, _ = bytes.Cut(code, []byte(" "))
		if string(proto) != "HTTP/1.1" && string(proto) != "HTTP/1.0" || len(code) != 3 ||
			code[0] < '1' || code[0] > '5' || code[1] < '0' || code[1] > '9' || code[2] < '0' || code[2] > '9' {
			return a, fmt.Errorf("bad status line %q", truncate(line, 80))
		}
		a.status = int(code[0]-'0')*100 + int(code[1]-'0')*10 + int(code[2]-'0')
		a.close = string(proto) == "HTTP/1.0"
		length, chunked, err := readHTTPHeaders(br, &a)
		if err != nil {
			return a, err
		}
		switch {
		case a.status == 101:
			return a, errors.New("the server switched protocols (101), which was not asked for")
		case a.status < 200:
			a.cookies = a.cookies[:0]
			continue // an interim answer: the answer follows
		case a.status == 204 || a.status == 304:
			return a, nil // no body, whatever the headers say
		case chunked && length >= 0:
			return a, errors.New("the answer gives both a Content-Length and chunks")
		case chunked:
			a.body, err = readChunked(br, buf, keep)
		case length >= 0:
			if length > maxHTTPBody {
				return a, fmt.Errorf("a body of %d bytes, above the %d expected at most", length, maxHTTPBody)
			}
			a.body, err = readBody(br, buf, length, keep)
		default:
			return a, errors.New("the answer has neither a Content-Length nor chunks: its body would end only with the connection")
		}
		if err != nil {
			return a, fmt.Errorf("reading the body: %w", err)
		}
		return a, nil
	}
}

// readHTTPHeaders reads the header lines up to the empty line, noting in
// a the cookies set and whether the connection ends, and returns the
// Content-Length (-1 if none) and whether the body is chunked.
func readHTTPHeaders(br *bufio.Reader, a *httpAnswer) (length int64, chunked bool, err error) {
	length = -1
	te := false
	for {
		line, err := readHTTPLine(br)
		if err != nil {
			return 0, false, fmt.Errorf("reading the headers: %w", err)
		}
		if len(line) == 0 {
			return length, chunked, nil
		}
		colon := bytes.IndexByte(line, ':')
		if colon <= 0 || bytes.ContainsAny(line[:colon], " \t") {
			return 0, false, fmt.Errorf("bad header line %q", truncate(line, 80))
		}
		name, value := line[:colon], bytes.Trim(line[colon+1:], " \t")
		switch {
		case bytes.EqualFold(name, []byte("Content-Length")):
			n, ok := parseLength(value)
			if !ok || length >= 0 && n != length {
				return 0, false, fmt.Errorf("bad Content-Length %q", truncate(value, 40))
			}
			length = n
		case bytes.EqualFold(name, []byte("Transfer-Encoding")):
			if te || !bytes.EqualFold(value, []byte("chunked")) {
				return 0, false, fmt.Errorf("transfer coding %q: only chunked is understood", truncate(value, 40))
			}
			te, chunked = true, true
		case bytes.EqualFold(name, []byte("Connection")):
			for tok := range strings.SplitSeq(string(value), ",") {
				switch tok = strings.TrimSpace(tok); {
				case strings.EqualFold(tok, "close"):
					a.close = true
				case strings.EqualFold(tok, "keep-alive"):
					a.close = false // an HTTP/1.0 answer that keeps the connection
				}
			}
		case bytes.EqualFold(name, []byte("Set-Cookie")):
			a.cookies = append(a.cookies, string(value))
		}
	}
}

// parseLength parses a Content-Length: decimal digits only.
func parseLength(v []byte) (int64, bool) {
	if len(v) == 0 || len(v) > 18 {
		return 0, false
	}
	var n int64
	for _, c := range v {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	return n, true
}

// readHTTPLine reads a line ending in CRLF (or a bare LF, which RFC 9112
// lets a recipient accept) and returns it without the ending; the line
// is valid until the next read from br. A line longer than br's buffer
// is an error, and so is the connection ending within a line
// (io.ErrUnexpectedEOF; io.EOF if it ended before it).
func readHTTPLine(br *bufio.Reader) ([]byte, error) {
	line, err := br.ReadSlice('\n')
	switch {
	case err == bufio.ErrBufferFull:
		return nil, fmt.Errorf("a line longer than %d bytes", br.Size())
	case err == io.EOF && len(line) > 0:
		return nil, io.ErrUnexpectedEOF
	case err != nil:
		return nil, err
	}
	line = line[:len(line)-1]
	if n := len(line); n > 0 && line[n-1] == '\r' {
		line = line[:n-1]
	}
	return line, nil
}

// readBody reads n bytes of body, appending up to keep of them to buf.
func readBody(br *bufio.Reader, buf []byte, n int64, keep int) ([]byte, error) {
	if k := min(int64(keep-len(buf)), n); k > 0 {
		start := len(buf)
		buf = append(buf, make([]byte, k)...)
		if _, err := io.ReadFull(br, buf[start:]); err != nil {
			return buf[:start], cutShort(err)
		}
		n -= k
	}
	if _, err := br.Discard(int(n)); err != nil {
		return buf, cutShort(err)
	}
	return buf, nil
}

// readChunked reads a chunked body and its trailer, appending up to keep
// of its bytes to buf.
func readChunked(br *bufio.Reader, buf []byte, keep int) ([]byte, error) {
	var total int64
	for {
		line, err := readHTTPLine(br)
		if err != nil {
			return buf, cutShort(err)
		}
		size, _, _ := bytes.Cut(line, []byte(";")) // chunk extensions are ignored
		size = bytes.TrimRight(size, " \t")
		n, err := strconv.ParseInt(string(size), 16, 64)
		if err != nil || n < 0 || len(size) == 0 || size[0] == '+' || size[0] == '-' {
			return buf, fmt.Errorf("bad chunk size line %q", truncate(line, 40))
		}
		if n == 0 {
			for { // the trailer, passed over, up to its empty line
				line, err := readHTTPLine(br)
				if err != nil {
					return buf, cutShort(err)
				}
				if len(line) == 0 {
					return buf, nil
				}
			}
		}
		if total += n; total > maxHTTPBody {
			return buf, fmt.Errorf("a chunked body above the %d bytes expected at most", maxHTTPBody)
		}
		if buf, err = readBody(br, buf, n, keep); err != nil {
			return buf, err
		}
		if line, err := readHTTPLine(br); err != nil {
			return buf, cutShort(err)
		} else if len(line) != 0 {
			return buf, errors.New("a chunk longer than its size")
		}
	}
}

// cutShort says an EOF within an answer is an answer cut short.
func cutShort(err error) error {
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		return errors.New("the answer was cut short: the connection ended within it")
	}
	return err
}

// truncate is b as a string, at most n bytes of it.
func truncate(b []byte, n int) string {
	if len(b) > n {
		return string(b[:n]) + "…"
	}
	return string(b)
}
