package i18n

func init() { register(cliExcerptEntryMessages) }

// cliExcerptEntryMessages are plenum verify --excerpt's words for an
// entry of the excerpt, printed on one line (cmd/plenum/verify_excerpt.go
// excerptEntryLine).
var cliExcerptEntryMessages = []Msg{
	{Key: "cli.excerpt.entry",
		En: "entry %d, %s, %s by %s: %s",
		De: "Eintrag %d, %s, %s von %s: %s",
		Ru: "запись %d, %s, %s, автор %s: %s",
		Fr: "entrée %d, %s, %s par %s : %s",
		Es: "entrada %d, %s, %s por %s: %s"},
	{Key: "cli.excerpt.items",
		En: "#1|one=%d item|other=%d items",
		De: "#1|one=%d Element|other=%d Elemente",
		Ru: "#1|one=%d элемент|few=%d элемента|many=%d элементов|other=%d элемента",
		Fr: "#1|one=%d élément|other=%d éléments",
		Es: "#1|one=%d elemento|other=%d elementos"},
}

func init() {
	register([]Msg{{Key: "cli.verify.json",
		En: "--json goes with --excerpt: it prints the excerpt's entries as the log holds them",
		De: "--json gehört zu --excerpt: es gibt die Einträge des Auszugs aus, wie das Log sie enthält",
		Ru: "--json указывается вместе с --excerpt: он выводит записи выписки так, как их хранит журнал",
		Fr: "--json va avec --excerpt : il affiche les entrées de l'extrait telles que le journal les contient",
		Es: "--json va con --excerpt: muestra las entradas del extracto tal como las guarda el registro"}})
}

func init() {
	register([]Msg{{Key: "cli.excerpt.payload.checked",
		En: "#2|one=entry %[1]d: its payload, stored beside the log (%[2]d byte, SHA-256 %[3]s), carried by the excerpt and checked; --json shows it whole|other=entry %[1]d: its payload, stored beside the log (%[2]d bytes, SHA-256 %[3]s), carried by the excerpt and checked; --json shows it whole",
		De: "Eintrag %[1]d: seine Nutzdaten, neben dem Log gespeichert (%[2]d Bytes, SHA-256 %[3]s), vom Auszug mitgeführt und geprüft; --json zeigt sie ganz",
		Ru: "запись %[1]d: её содержимое, хранимое рядом с журналом (байт: %[2]d, SHA-256 %[3]s), приложено к выписке и проверено; --json показывает его целиком",
		Fr: "entrée %[1]d : son contenu, conservé à côté du journal (%[2]d octets, SHA-256 %[3]s), joint à l'extrait et vérifié ; --json le montre en entier",
		Es: "entrada %[1]d: su contenido, guardado junto al registro (%[2]d bytes, SHA-256 %[3]s), incluido en el extracto y comprobado; --json lo muestra entero"}})
}
