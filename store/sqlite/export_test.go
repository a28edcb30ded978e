package sqlite

import "time"

// SetBusyTimeout sets how long the connections of Stores opened from now
// on wait for a lock another connection holds, until restore is called.
func SetBusyTimeout(d time.Duration) (restore func()) {
	old := busyTimeout
	busyTimeout = d
	return func() { busyTimeout = old }
}
