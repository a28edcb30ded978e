package fault

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"net"
	"sync"
	"sync/atomic"
	"time"
)

// Proxy forwards TCP connections to a PostgreSQL server, reading the
// messages clients send, and injects its faults (DropReply, CutAfter,
// CutBefore, DelayReply) on the COMMITs it sees: the simple-protocol
// query "commit", which is how pgx ends a transaction. Faults count
// COMMITs on all connections from Arm, from 1. A CutAfter with a Delay
// then takes the database down (SetDown) for Delay: every connection
// cut, new ones refused, so that the outcome cannot be read back at once.
type Proxy struct {
	ln     net.Listener
	target string

	tally
	mu      sync.Mutex
	faults  []Fault
	commits int
	conns   map[*proxyConn]bool
	closed  bool
	down    bool          // SetDown: every connection is cut, new ones at once
	stalled chan struct{} // Stall: closed when the network is healed; nil if it is not stalled
	wg      sync.WaitGroup
}

// NewProxy listens on a local port and forwards to target (host:port).
func NewProxy(target string) (*Proxy, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	p := &Proxy{ln: ln, target: target, conns: map[*proxyConn]bool{}}
	p.wg.Add(1)
	go p.accept()
	return p, nil
}

// Addr returns the address clients connect to (host:port).
func (p *Proxy) Addr() string { return p.ln.Addr().String() }

// Arm replaces the faults to inject and restarts the count of COMMITs.
func (p *Proxy) Arm(faults ...Fault) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.faults = append([]Fault(nil), faults...)
	p.commits = 0
}

// Close stops listening and cuts every connection.
func (p *Proxy) Close() error {
	p.Stall(false) // the bytes held go nowhere: every connection is cut
	p.mu.Lock()
	p.closed = true
	for c := range p.conns {
		c.cut()
	}
	p.mu.Unlock()
	err := p.ln.Close()
	p.wg.Wait()
	return err
}

// Cut cuts every connection open now, as a dropped connection would be;
// new connections are forwarded as before.
func (p *Proxy) Cut() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for c := range p.conns {
		c.cut()
	}
}

// SetDown cuts the database off (a network split) or, with false, heals
// it: while down, every connection open is cut and every new one is
// closed at once.
func (p *Proxy) SetDown(down bool) {
	p.mu.Lock()
	p.down = down
	p.mu.Unlock()
	if down {
		p.Cut()
	}
}

// Stall holds every byte in both directions, on the connections open
// and new ones, without closing anything — a network that silently
// stops delivering — until it is healed with Stall(false). The bytes
// held are then delivered.
func (p *Proxy) Stall(stall bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	switch {
	case stall && p.stalled == nil:
		p.stalled = make(chan struct{})
	case !stall && p.stalled != nil:
		close(p.stalled)
		p.stalled = nil
	}
}

// wait returns once the network is not stalled.
func (p *Proxy) wait() {
	p.mu.Lock()
	ch := p.stalled
	p.mu.Unlock()
	if ch != nil {
		<-ch
	}
}

func (p *Proxy) accept() {
	defer p.wg.Done()
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		p.mu.Lock()
		down := p.down
		p.mu.Unlock()
		if down {
			c.Close()
			continue
		}
		s, err := net.Dial("tcp", p.target)
		if err != nil {
			c.Close()
			continue
		}
		pc := &proxyConn{p: p, client: c, server: s, answered: make(chan struct{})}
		p.mu.Lock()
		if p.closed {
			p.mu.Unlock()
			pc.cut()
			return
		}
		if p.down {
			p.mu.Unlock()
			pc.cut()
			continue
		}
		p.conns[pc] = true
		p.mu.Unlock()
		p.wg.Add(2)
		go pc.up()
		go pc.down()
	}
}

// commit counts a COMMIT and returns the fault to inject into it, if any.
func (p *Proxy) commit() (Fault, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.commits++
	for i, f := range p.faults {
		if f.At == p.commits && f.Kind >= DropReply {
			p.faults = append(p.faults[:i:i], p.faults[i+1:]...)
			p.add(f.Kind)
			return f, true
		}
	}
	return Fault{}, false
}

// proxyConn is one client connection and its connection to the server.
type proxyConn struct {
	p              *Proxy
	client, server net.Conn
	once           sync.Once
	drop           atomic.Bool  // discard what the server sends from now on
	delay          atomic.Int64 // hold the server's next bytes this long (ns)
	// answered is closed when the server, its bytes dropped, has said it
	// is ready for the next query (ReadyForQuery): it has done with the
	// COMMIT, so that CutAfter cuts only then.
	answered     chan struct{}
	answeredOnce sync.Once
}

// readyForQuery is the message a server ends every answer with (type Z,
// length 5), followed by its transaction status.
var readyForQuery = []byte{'Z', 0, 0, 0, 5}

func (c *proxyConn) cut() {
	c.once.Do(func() {
		c.client.Close()
		c.server.Close()
	})
}

func (c *proxyConn) done() {
	c.cut()
	c.p.mu.Lock()
	delete(c.p.conns, c)
	c.p.mu.Unlock()
	c.p.wg.Done()
}

// Startup request codes that a server answers with one byte, after which
// the client sends its startup message.
const (
	sslRequest    = 80877103
	gssencRequest = 80877104
)

// up forwards the client's messages to the server, one at a time, and
// injects the faults on COMMITs.
func (c *proxyConn) up() {
	defer c.done()
	// The startup phase: untyped messages (length, then body).
	for {
		msg, err := readMessage(c.client, false)
		if err != nil || c.write(c.server, msg) != nil {
			return
		}
		if len(msg) < 8 {
			return
		}
		if code := binary.BigEndian.Uint32(msg[4:8]); code != sslRequest && code != gssencRequest {
			break
		}
	}
	for {
		msg, err := readMessage(c.client, true)
		if err != nil {
			return
		}
		if !isCommit(msg) {
			if c.write(c.server, msg) != nil {
				return
			}
			continue
		}
		f, ok := c.p.commit()
		if !ok {
			if c.write(c.server, msg) != nil {
				return
			}
			continue
		}
		switch f.Kind {
		case CutBefore:
			return
		case DropReply, CutAfter:
			// CutAfter too: the server answers a COMMIT within a
			// millisecond or so, well before the cut below, and the
			// client would hear it committed.
			c.drop.Store(true)
		case DelayReply:
			c.delay.Store(int64(f.Delay))
		}
		if c.write(c.server, msg) != nil {
			return
		}
		if f.Kind == CutAfter {
			// The server reads the COMMIT and answers it first: a cut
			// before that could reach the server ahead of the COMMIT (a
			// reset discards what it has not read), on a loaded machine
			// well after the 20 ms once slept here.
			select {
			case <-c.answered:
			case <-time.After(10 * time.Second):
			}
			if f.Delay > 0 {
				// The database unreachable as it committed: the outcome
				// cannot be read back until the Delay is over.
				c.p.SetDown(true)
				time.AfterFunc(f.Delay, func() { c.p.SetDown(false) })
			}
			return
		}
	}
}

// down forwards what the server sends, unless it is dropped or held back.
func (c *proxyConn) down() {
	defer c.done()
	buf := make([]byte, 32<<10)
	var tail []byte // the last bytes dropped, for a message read in two parts
	for {
		n, err := c.server.Read(buf)
		if n > 0 {
			if d := c.delay.Swap(0); d > 0 {
				time.Sleep(time.Duration(d))
			}
			if !c.drop.Load() {
				if c.write(c.client, buf[:n]) != nil {
					return
				}
			} else {
				tail = append(tail, buf[:n]...)
				if bytes.Contains(tail, readyForQuery) {
					c.answeredOnce.Do(func() { close(c.answered) })
				}
				tail = tail[max(0, len(tail)-len(readyForQuery)+1):]
			}
		}
		if err != nil {
			return
		}
	}
}

func (c *proxyConn) write(w net.Conn, b []byte) error {
	c.p.wait()
	_, err := w.Write(b)
	return err
}

// readMessage reads one protocol message: a type byte if typed, then a
// 4-byte length that counts itself, then the body. It returns all of it.
func readMessage(r io.Reader, typed bool) ([]byte, error) {
	head := 4
	if typed {
		head = 5
	}
	msg := make([]byte, head, 64)
	if _, err := io.ReadFull(r, msg); err != nil {
		return nil, err
	}
	n := int(binary.BigEndian.Uint32(msg[head-4:]))
	if n < 4 || n > 1<<30 {
		return nil, fmt.Errorf("fault: proxy: a message of length %d", n)
	}
	msg = append(msg, make([]byte, n-4)...)
	if _, err := io.ReadFull(r, msg[head:]); err != nil {
		return nil, err
	}
	return msg, nil
}

// isCommit reports whether a client message is the simple query COMMIT.
func isCommit(msg []byte) bool {
	if len(msg) < 6 || msg[0] != 'Q' {
		return false
	}
	q := bytes.TrimRight(msg[5:], "\x00")
	q = bytes.TrimSpace(bytes.TrimSuffix(bytes.TrimSpace(q), []byte(";")))
	return bytes.EqualFold(q, []byte("commit"))
}
