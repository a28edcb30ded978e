package engine

// RequestHash exposes requestHash to the attack tests.
var RequestHash = requestHash
