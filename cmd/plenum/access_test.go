package main

import (
	"bufio"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"plenum/assembly"
	"plenum/i18n"
)

// TestHeldConnections: 3,000 connections from one address that send their
// request bodies slowly, and 3,000 public event streams from the same
// address, do not hold the server: the bodies are cut off at the read
// timeout, all but the limit's worth of streams get 429 at once, the
// server answers others meanwhile, and a stream that was admitted lives on
// past the read timeout.
func TestHeldConnections(t *testing.T) {
	if testing.Short() {
		t.Skip("6,000 connections")
	}
	ctx := context.Background()
	cfg := serverConfig{db: filepath.Join(t.TempDir(), "plenum.db"), name: "plenum.localhost",
		access: accessConfig{readHeader: 2 * time.Second, readAll: 3 * time.Second, streamsPerAddress: 20, streamsInAll: 100}}
	srv, err := openServer(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	args, _ := json.Marshal(map[string]string{"id": "c", "name": "C", "starts": "2026-05-09", "rules": "congress"})
	if _, err := srv.engine.Submit(ctx, assembly.Envelope{Cmd: "create_assembly", Actor: "admin", At: time.Now(), Args: args}); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	hs := newHTTPServer(srv.handler, cfg.access)
	go hs.Serve(ln)
	defer hs.Close()
	addr := ln.Addr().String()

	var slow []net.Conn
	defer func() {
		for _, c := range slow {
			c.Close()
		}
	}()
	for i := range 3000 {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatalf("slow body %d: %v", i, err)
		}
		fmt.Fprintf(c, "POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-Plenum: 1\r\nContent-Length: 4096\r\n\r\n{\"code\":")
		slow = append(slow, c)
	}
	var streams []net.Conn
	defer func() {
		for _, c := range streams {
			c.Close()
		}
	}()
	admitted, limited := 0, 0
	for i := range 3000 {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatalf("stream %d: %v", i, err)
		}
		// The pages listen to the same stream, as plain=1.
		path := "/api/assemblies/c/events"
		if i%2 == 1 {
			path += "?plain=1"
		}
		fmt.Fprintf(c, "GET %s HTTP/1.1\r\nHost: x\r\n\r\n", path)
		res, err := http.ReadResponse(bufio.NewReader(c), nil)
		if err != nil {
			t.Fatalf("stream %d: %v", i, err)
		}
		switch res.StatusCode {
		case 200:
			admitted++
			streams = append(streams, c)
		case 429:
			limited++
			c.Close()
		default:
			t.Fatalf("stream %d: %s", i, res.Status)
		}
	}
	streamsOpened := time.Now()
	if admitted != 20 || limited != 2980 {
		t.Fatalf("%d streams admitted and %d refused from one address, want 20 and 2980", admitted, limited)
	}
	// The server answers meanwhile.
	res, err := http.Get("http://" + addr + "/healthz")
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("healthz while held: %v %v", res, err)
	}
	res.Body.Close()
	// Every slow body is cut off by the server: each connection ends (with
	// an answer or without), none is left waiting for its body.
	for i, c := range slow {
		c.SetReadDeadline(time.Now().Add(10 * time.Second))
		if _, err := io.Copy(io.Discard, c); err != nil {
			if errors.Is(err, os.ErrDeadlineExceeded) {
				t.Fatalf("slow body %d is still held by the server after its read timeout", i)
			}
		}
	}
	// An admitted stream, as the API's clients and the pages open it,
	// outlives the read timeout.
	time.Sleep(time.Until(streamsOpened.Add(cfg.access.readAll + 500*time.Millisecond)))
	for i, c := range streams[:2] {
		c.SetReadDeadline(time.Now().Add(500 * time.Millisecond))
		for {
			if _, err = c.Read(make([]byte, 1024)); err != nil {
				break
			}
		}
		if !errors.Is(err, os.ErrDeadlineExceeded) {
			t.Fatalf("admitted stream %d was closed after the read timeout: %v", i, err)
		}
	}
}

func TestAccessFlags(t *testing.T) {
	for _, c := range []struct {
		cert, key string
		proxies   []string
		n         int
		want      string
	}{
		{"a.pem", "", nil, 1, "--tls-cert and --tls-key go together"},
		{"", "", []string{"10.0.0.0/33"}, 1, `--trust-proxy "10.0.0.0/33": not an address or a network`},
		{"", "", []string{"10.0.0.1/8"}, 1, "did you mean 10.0.0.0/8?"},
		{"", "", []string{"proxy.example"}, 1, `--trust-proxy "proxy.example"`},
		{"", "", nil, 0, "--wrong-codes-per-address 0: give a number of at least 1"},
		{"missing.pem", "missing.key", nil, 1, "--tls-cert missing.pem --tls-key missing.key"},
		{"", "", []string{"10.0.0.0/8", "::1", "192.0.2.7"}, 1, ""},
	} {
		ac, err := accessFlags(i18n.For(""), c.cert, c.key, c.proxies, c.n, 1, 1, 1, 1)
		if c.want == "" {
			if err != nil || len(ac.trusted) != 3 || ac.trusted[1].Bits() != 128 || ac.trusted[2].Bits() != 32 {
				t.Errorf("%v: %+v %v", c.proxies, ac, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: %v, want %q", c, err, c.want)
		}
	}
}

// TestServeTLS: with --tls-cert and --tls-key the server speaks HTTPS and
// the session cookie is Secure.
func TestServeTLS(t *testing.T) {
	dir := t.TempDir()
	certPEM, keyPEM := selfSigned(t)
	cert, key := filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	os.WriteFile(cert, certPEM, 0o600)
	os.WriteFile(key, keyPEM, 0o600)
	ac, err := accessFlags(i18n.For(""), cert, key, nil, 30, 600, 50, 5000, 512)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	srv, err := openServer(ctx, serverConfig{db: filepath.Join(dir, "plenum.db"), name: "plenum.localhost", access: ac})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	link, _ := srv.auth.BootstrapAdmin(ctx, "https://x")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- srv.listen(ctx, io.Discard, ln) }()
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(certPEM)
	client := &http.Client{
		Transport:     &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool, ServerName: "localhost"}},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	res, err := client.Get("https://" + ln.Addr().String() + strings.TrimPrefix(link, "https://x"))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if cs := res.Cookies(); len(cs) != 1 || !cs[0].Secure || !cs[0].HttpOnly {
		t.Fatalf("cookies over TLS: %v (status %d)", cs, res.StatusCode)
	}
	if res, err := http.Get("http://" + ln.Addr().String() + "/healthz"); err == nil {
		res.Body.Close()
		if res.StatusCode != http.StatusBadRequest {
			t.Errorf("plain HTTP on the TLS port: %s", res.Status)
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

// selfSigned makes a certificate for localhost.
func selfSigned(t *testing.T) (certPEM, keyPEM []byte) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "localhost"}, DNSNames: []string{"localhost"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour), KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	kb, _ := x509.MarshalECPrivateKey(key)
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kb})
}
