package engine

// SetUnitTokens has the sealing give a ballot's votes the tokens seal
// gives (assembly.LinkedUnitTokens: a record as plenum sealed it before
// assembly.UnitTokens), until restore is called.
func SetUnitTokens(seal func(token string, weight int) []string) (restore func()) {
	old := unitTokens
	unitTokens = seal
	return func() { unitTokens = old }
}
