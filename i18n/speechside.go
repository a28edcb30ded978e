package i18n

func init() { register(speechSideMessages) }

// speechSideMessages are the sides of a speech for or against a
// procedural motion as a refusal names them ("p1 has already had its
// speech against"): keys of their own, as "for" and "against" are a
// ballot's choices elsewhere in the catalog.
var speechSideMessages = []Msg{
	{Key: "refusal.side.for", En: "for", De: "dafür", Ru: "за", Fr: "pour", Es: "a favor"},
	{Key: "refusal.side.against", En: "against", De: "dagegen", Ru: "против", Fr: "contre", Es: "en contra"},
}
