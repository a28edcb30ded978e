package auth

import (
	"strings"
	"testing"
)

// TestDeviceOf: the browser and platform of real User-Agents, the more
// particular browser named where one is built on another (Edge, Opera,
// Samsung Internet say Chrome; Chrome says Safari; every browser on iOS
// says Safari), and "Unknown browser" for what is no browser of the list
// — whatever the header holds, only names of the lists come out.
func TestDeviceOf(t *testing.T) {
	for _, c := range []struct{ ua, want string }{
		{"Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36", "Chrome on Android"},
		{"Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1", "Safari on iPhone"},
		{"Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0", "Firefox on Windows"},
		{"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", "Edge on Windows"},
		{"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15", "Safari on macOS"},
		{"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome on macOS"},
		{"Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1", "Chrome on iPhone"},
		{"Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/133.0 Mobile/15E148 Safari/605.1.15", "Firefox on iPhone"},
		{"Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1", "Safari on iPad"},
		{"Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S921B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36", "Samsung Internet on Android"},
		{"Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36 OPR/86.0.0.0", "Opera on Android"},
		{"Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0", "Firefox on Android"},
		{"Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0", "Firefox on Linux"},
		{"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36", "Chrome on Linux"},
		{"Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome on ChromeOS"},
		// An app's web view says Safari/ but not Version/: not Safari.
		{"Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Safari/604.1 Instagram 300.0", "Unknown browser on iPhone"},
		{"Go-http-client/1.1", "Unknown browser"},
		{"curl/8.5.0", "Unknown browser"},
		{"", "Unknown browser"},
		{"<script>alert(1)</script> on Windows", "Unknown browser on Windows"},
		// A name of the list past the first 512 bytes is not read.
		{strings.Repeat("x", 600) + " Firefox/133.0 (Windows)", "Unknown browser"},
	} {
		if got := DeviceOf(c.ua).String(); got != c.want {
			t.Errorf("DeviceOf(%.80q) = %q, want %q", c.ua, got, c.want)
		}
	}
}

// TestKnownDevice: names read back from the database are shown only if
// they are of the lists (a row written by anything else is shown as
// unknown).
func TestKnownDevice(t *testing.T) {
	if d := knownDevice(Device{"Chrome", "Android"}); d != (Device{"Chrome", "Android"}) {
		t.Errorf("a known device: %+v", d)
	}
	if d := knownDevice(Device{"Mozilla/5.0 (X11)", "Plan 9"}); d != (Device{}) {
		t.Errorf("names of no list: %+v, want none", d)
	}
}
