package auth

import (
	"math"
	"sync"
	"time"
)

// bucket is a token bucket: it holds up to burst tokens and gains rate
// tokens a second.
type bucket struct {
	tokens float64
	last   time.Time
}

// take removes one token if there is one, else says how long until there
// is.
func (b *bucket) take(now time.Time, rate float64, burst int) (bool, time.Duration) {
	if b.last.IsZero() {
		b.tokens = float64(burst)
	} else if d := now.Sub(b.last).Seconds(); d > 0 {
		b.tokens = math.Min(float64(burst), b.tokens+d*rate)
	}
	b.last = now
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	wait := time.Duration((1 - b.tokens) / rate * float64(time.Second))
	return false, wait
}

// limiter counts wrong access codes per client address and in all. Only
// failures take tokens: a correct code is never limited, so nobody can
// lock a delegate out by typing wrong codes, from any number of addresses.
type limiter struct {
	mu          sync.Mutex
	perRate     float64 // tokens a second
	perBurst    int
	globalRate  float64
	globalBurst int
	global      bucket
	clients     map[string]*bucket
	overflow    bucket // shared by new addresses while the table is full
}

// maxClients bounds the per-address table; when it is full, addresses
// whose buckets have refilled are forgotten, and while it stays full new
// addresses share one bucket.
const maxClients = 100_000

func newLimiter(o Options) *limiter {
	return &limiter{
		perRate:     float64(o.WrongCodesPerMinute) / 60,
		perBurst:    o.WrongCodesPerMinute,
		globalRate:  float64(o.WrongCodesInAllPerMinute) / 60,
		globalBurst: o.WrongCodesInAllPerMinute,
		clients:     map[string]*bucket{},
	}
}

// fail counts a wrong code from client. It returns false and when to try
// again if the client, or everyone together, has used up their allowance
// of wrong codes.
func (l *limiter) fail(client string, now time.Time) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	b := l.clients[client]
	if b == nil {
		if len(l.clients) >= maxClients {
			l.sweep(now)
		}
		if len(l.clients) >= maxClients {
			b = &l.overflow
		} else {
			b = &bucket{}
			l.clients[client] = b
		}
	}
	if ok, wait := b.take(now, l.perRate, l.perBurst); !ok {
		return false, wait
	}
	if ok, wait := l.global.take(now, l.globalRate, l.globalBurst); !ok {
		return false, wait
	}
	return true, 0
}

func (l *limiter) sweep(now time.Time) {
	full := time.Duration(float64(l.perBurst) / l.perRate * float64(time.Second))
	for k, b := range l.clients {
		if now.Sub(b.last) > full {
			delete(l.clients, k)
		}
	}
}
