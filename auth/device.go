package auth

import "strings"

// Device is what a session keeps of the browser that logged in: its
// browser and platform as two names of a short fixed list ("Chrome",
// "Android"), each "" when unknown — enough for a person to tell their
// sessions apart on the sessions page ("Chrome on Android", "Safari on
// iPhone"), and nothing more. The User-Agent itself is never stored: it
// carries versions, models and builds that would help tell one person's
// phone from another's, and it is text of the client's choosing (data
// minimisation: docs/access.md, "Where you are logged in"). Nor is the
// address kept.
type Device struct {
	Browser  string
	Platform string
}

// String is the device in English: "Chrome on Android", "Chrome",
// "Unknown browser on Windows", "Unknown browser". The pages say it in
// the reader's language (package web).
func (d Device) String() string {
	b := d.Browser
	if b == "" {
		b = "Unknown browser"
	}
	if d.Platform == "" {
		return b
	}
	return b + " on " + d.Platform
}

// browsers are the browsers DeviceOf tells apart, by a token of their
// User-Agent, in the order they are tried: a browser built on another
// names that one too (Edge and Opera say "Chrome/", Chrome says
// "Safari/"), so the more particular come first. On iOS every browser is
// Safari's engine and says so; their own tokens come first there too.
var browsers = []struct{ token, name string }{
	{"Edg/", "Edge"}, {"EdgA/", "Edge"}, {"EdgiOS/", "Edge"},
	{"OPR/", "Opera"}, {"OPT/", "Opera"}, {"Opera", "Opera"},
	{"SamsungBrowser/", "Samsung Internet"},
	{"YaBrowser/", "Yandex Browser"},
	{"Vivaldi/", "Vivaldi"},
	{"Firefox/", "Firefox"}, {"FxiOS/", "Firefox"},
	{"CriOS/", "Chrome"}, {"Chrome/", "Chrome"}, {"Chromium/", "Chromium"},
	{"Safari/", "Safari"},
}

// platforms are the platforms DeviceOf tells apart, in the order they
// are tried: an iPhone's User-Agent says "like Mac OS X", and Android's
// and ChromeOS's say "Linux".
var platforms = []struct{ token, name string }{
	{"iPhone", "iPhone"}, {"iPod", "iPhone"}, {"iPad", "iPad"},
	{"Android", "Android"},
	{"CrOS", "ChromeOS"},
	{"Windows", "Windows"},
	{"Macintosh", "macOS"}, {"Mac OS X", "macOS"},
	{"Linux", "Linux"},
}

// maxUserAgent bounds the part of a User-Agent DeviceOf reads: a
// browser's is a few hundred bytes; a client may send kilobytes.
const maxUserAgent = 512

// DeviceOf is the Device a User-Agent header names: a browser and a
// platform of the lists above, or "" for either it does not know. Only
// these names come out of it, whatever the header holds.
func DeviceOf(userAgent string) Device {
	if len(userAgent) > maxUserAgent {
		userAgent = userAgent[:maxUserAgent]
	}
	var d Device
	for _, b := range browsers {
		if strings.Contains(userAgent, b.token) {
			d.Browser = b.name
			break
		}
	}
	if d.Browser == "Safari" && !strings.Contains(userAgent, "Version/") {
		// Safari says Version/; other programs say Safari/ to be served
		// as it is (an app's web view, a crawler).
		d.Browser = ""
	}
	for _, p := range platforms {
		if strings.Contains(userAgent, p.token) {
			d.Platform = p.name
			break
		}
	}
	return d
}

// knownDevice is d with any name not of the lists above taken for
// unknown: what a database holds is shown only if this plenum could have
// written it.
func knownDevice(d Device) Device {
	known := func(name string, list []struct{ token, name string }) string {
		for _, e := range list {
			if e.name == name {
				return name
			}
		}
		return ""
	}
	return Device{Browser: known(d.Browser, browsers), Platform: known(d.Platform, platforms)}
}
