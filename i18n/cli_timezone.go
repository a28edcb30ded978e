package i18n

func init() { register(cliTimeZoneMessages) }

// cliTimeZoneMessages are plenum serve's refusal of a --time-zone it
// does not know (the hall's time zone, docs/pages.md).
var cliTimeZoneMessages = []Msg{
	{Key: "cli.serve.time_zone",
		En: "--time-zone %q is not a time zone plenum knows: give a name of the IANA time zone database, such as Europe/Madrid, America/Bogota or UTC, or leave the option out for the server's zone",
		De: "--time-zone „%s“ ist keine Zeitzone, die plenum kennt: Geben Sie einen Namen der IANA-Zeitzonendatenbank an, etwa Europe/Berlin, America/Bogota oder UTC, oder lassen Sie die Option weg für die Zeitzone des Servers",
		Ru: "--time-zone «%s» — не известный plenum часовой пояс: укажите имя из базы часовых поясов IANA, например Europe/Moscow, America/Bogota или UTC, или не указывайте параметр, чтобы взять пояс сервера",
		Fr: "--time-zone « %s » n'est pas un fuseau horaire que plenum connaît : donnez un nom de la base des fuseaux horaires IANA, comme Europe/Paris, America/Bogota ou UTC, ou omettez l'option pour le fuseau du serveur",
		Es: "--time-zone «%s» no es una zona horaria que plenum conozca: indique un nombre de la base de zonas horarias IANA, como Europe/Madrid, America/Bogota o UTC, u omita la opción para usar la zona del servidor"},
}
