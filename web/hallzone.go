package web

import "time"

// zone is the hall's time zone, that of its clock: Options.Location
// (plenum serve --time-zone), else the server's.
func (v *view) zone() *time.Location {
	if v.Loc != nil {
		return v.Loc
	}
	return time.Local
}
