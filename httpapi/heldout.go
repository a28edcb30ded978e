package httpapi

import "plenum/i18n"

// HeldOut is an assembly the server holds out (quarantines) at its start
// because its record in the database is damaged (plenum serve): nothing
// is read from its log, so only its id is known. The list of assemblies,
// here and on the pages' index, shows it marked so, with the damage and
// what to do, and a form that would create it again says it exists.
type HeldOut struct {
	ID string
	// Reason is the damage found, and Todo what the server's operator
	// does, each in l's words.
	Reason, Todo func(l *i18n.Locale) string
}

// HeldOutSummary is what GET /api/assemblies says of an assembly held out.
type HeldOutSummary struct {
	Reason string `json:"reason"`
	Todo   string `json:"todo"`
}

// heldOut lists the assemblies the server holds out (Options.HeldOut).
func (o *Options) heldOut() []HeldOut {
	if o.HeldOut == nil {
		return nil
	}
	return o.HeldOut()
}
