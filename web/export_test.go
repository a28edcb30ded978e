package web

// SetBeforeImportBatch has the import page call fn with the assembly's
// id between the plan it records and its batch, until restore is called.
func SetBeforeImportBatch(fn func(id string)) (restore func()) {
	old := beforeImportBatch
	beforeImportBatch = fn
	return func() { beforeImportBatch = old }
}
