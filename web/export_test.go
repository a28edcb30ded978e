package web

import "time"

// SetBallotsWait sets how long a list of a delegate's ballots waits for
// the index of the log's ballots, until restore is called.
func SetBallotsWait(d time.Duration) (restore func()) {
	old := ballotsWait
	ballotsWait = d
	return func() { ballotsWait = old }
}

// SetBeforeImportBatch has the import page call fn with the assembly's
// id between the plan it records and its batch, until restore is called.
func SetBeforeImportBatch(fn func(id string)) (restore func()) {
	old := beforeImportBatch
	beforeImportBatch = fn
	return func() { beforeImportBatch = old }
}
