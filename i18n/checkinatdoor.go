package i18n

func init() { register(checkInAtDoorMessages) }

// checkInAtDoorMessages: the delegate's page, in place of "I am in the
// hall", where the rules say that officers register who is present
// (check_in: officers).
var checkInAtDoorMessages = []Msg{
	{Key: "web.d.check_in_at_door",
		En: "The mandate commission or a secretary registers you as present at the door.",
		De: "Die Mandatsprüfungskommission oder ein Sekretär erfasst Sie am Eingang als anwesend.",
		Ru: "О вашем присутствии отмечает мандатная комиссия или секретарь у входа.",
		Fr: "La commission de vérification des mandats ou un secrétaire enregistre votre présence à l'entrée.",
		Es: "La comisión de credenciales o un secretario registra su presencia en la entrada."},
}
