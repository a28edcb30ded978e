package main

import (
	"strings"
	"testing"
)

func TestBenchVote(t *testing.T) {
	code, out, errs := runForTest(t, "", "bench", "vote", "--delegates", "60", "--dir", t.TempDir())
	if code != 0 {
		t.Fatalf("exit %d: %s\n%s", code, errs, out)
	}
	for _, want := range []string{"60 accepted, 0 failed", "durable ballots/s", "p50", "p99", "signed checkpoint covering all", "the vote counts 60 ballots from 60 delegates",
		"cpu:       during the ballots: server", "µs a ballot, serving the readers included), clients",
		"reads:     chair's page during the ballots, 4 readers", "reads:     state during the ballots, 4 readers"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestBenchFanout(t *testing.T) {
	code, out, errs := runForTest(t, "", "bench", "fanout", "--clients", "40", "--events", "3", "--dir", t.TempDir())
	if code != 0 {
		t.Fatalf("exit %d: %s\n%s", code, errs, out)
	}
	for _, want := range []string{"40 connected", "KiB per connection", "120 of 120 deliveries arrived", "durable to received: p50"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestBenchLogin(t *testing.T) {
	code, out, errs := runForTest(t, "", "bench", "login", "--delegates", "50", "--dir", t.TempDir())
	if code != 0 {
		t.Fatalf("exit %d: %s\n%s", code, errs, out)
	}
	for _, want := range []string{"50 logged in, 0 failed", "logins/s", "50 sessions, 0 of them not their delegate's"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestBenchUsage(t *testing.T) {
	for _, args := range [][]string{
		{"bench"},
		{"bench", "sprint"},
		{"bench", "vote", "--delegates", "0"},
		{"bench", "vote", "--readers", "0"},
		{"bench", "fanout", "--clients", "-1"},
		{"bench", "vote", "extra"},
		{"bench", "login", "--delegates", "0"},
	} {
		if code, _, errs := runForTest(t, "", args...); code != 2 || errs == "" {
			t.Errorf("%v: exit %d, stderr %q; want 2 and a message", args, code, errs)
		}
	}
	if code, out, _ := runForTest(t, "", "help", "bench"); code != 0 || !strings.Contains(out, "plenum bench vote") {
		t.Errorf("help bench: %d %q", code, out)
	}
}
