package i18n

func init() { register(cliAccessMessages) }

// cliAccessMessages are plenum serve's refusals of its options about
// access (access.go): TLS, the proxies it trusts, the limits. They are
// said in the environment's language (plenum serve has no --lang).
var cliAccessMessages = []Msg{
	{Key: "cli.access.tls_pair", En: "--tls-cert and --tls-key go together: give both, or neither to serve plain HTTP (behind a TLS proxy)", De: "--tls-cert und --tls-key gehören zusammen: geben Sie beide an, oder keines, um unverschlüsseltes HTTP anzubieten (hinter einem TLS-Proxy)", Ru: "--tls-cert и --tls-key указываются вместе: укажите оба или ни одного, чтобы работать по открытому HTTP (за прокси с TLS)", Fr: "--tls-cert et --tls-key vont ensemble : donnez les deux, ou aucun pour servir en HTTP simple (derrière un proxy TLS)", Es: "--tls-cert y --tls-key van juntos: indique ambos, o ninguno para servir HTTP sin cifrar (detrás de un proxy TLS)"},
	{Key: "cli.access.proxy", En: "--trust-proxy %q: %v", De: "--trust-proxy „%s“: %v", Ru: "--trust-proxy «%s»: %v", Fr: "--trust-proxy « %s » : %v", Es: "--trust-proxy «%s»: %v"},
	{Key: "cli.access.not_cidr", En: "not an address or a network in CIDR notation (10.0.0.0/8, 192.0.2.7, ::1)", De: "weder eine Adresse noch ein Netz in CIDR-Schreibweise (10.0.0.0/8, 192.0.2.7, ::1)", Ru: "это не адрес и не сеть в нотации CIDR (10.0.0.0/8, 192.0.2.7, ::1)", Fr: "ni une adresse ni un réseau en notation CIDR (10.0.0.0/8, 192.0.2.7, ::1)", Es: "no es una dirección ni una red en notación CIDR (10.0.0.0/8, 192.0.2.7, ::1)"},
	{Key: "cli.access.masked", En: "the network has bits set after its prefix; did you mean %s?", De: "im Netz sind nach dem Präfix Bits gesetzt; meinten Sie %s?", Ru: "в адресе сети после префикса есть ненулевые биты; может быть, имелось в виду %s?", Fr: "le réseau a des bits à 1 après son préfixe ; vouliez-vous dire %s ?", Es: "la red tiene bits activados después de su prefijo; ¿quería decir %s?"},
	{Key: "cli.access.at_least", En: "%s %s: give a number of at least 1", De: "%s %s: geben Sie eine Zahl von mindestens 1 an", Ru: "%s %s: укажите число не меньше 1", Fr: "%s %s : donnez un nombre d'au moins 1", Es: "%s %s: indique un número de 1 o más"},

	{Key: "cli.access.tls_load", En: "--tls-cert %s --tls-key %s: %v", De: "--tls-cert %s --tls-key %s: %v", Ru: "--tls-cert %s --tls-key %s: %v", Fr: "--tls-cert %s --tls-key %s : %v", Es: "--tls-cert %s --tls-key %s: %v"},
}
