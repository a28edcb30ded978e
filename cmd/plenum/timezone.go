package main

import (
	"fmt"
	"io"
	"time"
	// The zones are built in, so that --time-zone Europe/Madrid is read
	// alike on a machine without the time zone database (a container
	// image from scratch, Windows): about 450 KB of the binary.
	_ "time/tzdata"

	"plenum/i18n"
)

// hallZone is the time zone --time-zone names: the hall's, in which the
// pages show the time; the server's (time.Local) when name is empty. A
// name the time zone database does not know is refused (exit status 2),
// before anything is opened.
func hallZone(l *i18n.Locale, name string) (*time.Location, error) {
	if name == "" {
		return time.Local, nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil || name == "Local" {
		// "Local" is the server's zone under another name: said
		// plainly, it is the default, given by leaving the option out.
		return nil, &exitError{code: 2, msg: l.T("cli.serve.time_zone", name)}
	}
	return loc, nil
}

// sayZone tells the operator at start which zone the hall's clock is
// in, and how far it is from UTC now: a hall in Madrid served from a
// machine in UTC sees the mistake before the meeting does.
func sayZone(w io.Writer, loc *time.Location, given bool, now time.Time) {
	name := loc.String()
	if !given {
		name = "the server's, " + zoneName(loc, now)
	}
	how := ""
	if !given {
		how = "; give --time-zone to set the hall's (such as --time-zone Europe/Madrid)"
	}
	fmt.Fprintf(w, "plenum serve: the hall's clock is in the time zone %s (UTC%s now, %s)%s\n", name, now.In(loc).Format("-07:00"), now.In(loc).Format("15:04"), how)
}

// zoneName names the server's zone: the TZ environment variable's name
// when it gives one, else the zone's abbreviation now ("UTC", "CET").
func zoneName(loc *time.Location, now time.Time) string {
	if n := loc.String(); n != "Local" && n != "" {
		return n
	}
	abbr, _ := now.In(loc).Zone()
	return abbr
}
